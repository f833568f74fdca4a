// Opens a PDF attachment the way a receiver's viewer would (pdfjs-dist) and extracts its text, so checkpoints can
// ask whether it opens at all and what it says.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfReading = { opened: true; pages: number; text: string } | { opened: false; error: string };

export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  try {
    // pdfjs takes ownership of the buffer it is given: pass a copy.
    const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 });
    const pdf = await task.promise;
    try {
      const lines: string[] = [];
      for (let n = 1; n <= pdf.numPages; n++) {
        const content = await (await pdf.getPage(n)).getTextContent();
        for (const item of content.items) if ('str' in item) lines.push(item.str);
      }
      return { opened: true, pages: pdf.numPages, text: normaliseText(lines.join(' ')) };
    } finally {
      await task.destroy();
    }
  } catch (error) {
    return { opened: false, error: (error as Error).message };
  }
}

/** Collapses whitespace, so text split over items or lines still matches. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
