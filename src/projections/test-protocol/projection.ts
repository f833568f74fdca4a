// The filled-in test protocol of every protocol of a run, as HTML and DOCX, and its evidence package (ZIP), written
// into test-protocol/ of the run folder.
import { SIGNATURE_FILE, SIGNER_FILE } from '../../signing/files.ts';
import type { Projection } from '../types.ts';
import { standardFileName } from './evidence-names.ts';
import { testProtocolHtml } from './html.ts';
import { testProtocolDocument } from './model.ts';
import { evidencePackage } from './package.ts';

export const testProtocolProjection: Projection = {
  name: 'test-protocol',
  description:
    "MedCom's test protocol filled in from the run (test-protocol/<protocol>.html and .docx) and the evidence package (test-protocol/<protocol>-evidence.zip)",
  async project({ result, writer }) {
    // The DOCX library (some 1 MB of code) is loaded when a report is written, not with the run: a run then tests
    // without it in memory, and loads it while Allure's own process makes the HTML.
    const { testProtocolDocx } = await import('./docx.ts');
    const record = Buffer.from(`${JSON.stringify(result, null, 2)}\n`);
    // A signed run's signature and signer travel with the record, so the package verifies on its own.
    const signature: { name: string; content: Buffer }[] = [];
    for (const name of [SIGNATURE_FILE, SIGNER_FILE]) {
      const content = await writer.read(name).catch(() => undefined);
      if (content) signature.push({ name, content });
    }
    for (const protocol of result.protocols) {
      const doc = testProtocolDocument(protocol, { result });
      const html = Buffer.from(testProtocolHtml(doc));
      const docx = await testProtocolDocx(doc);
      const base = `${standardFileName(protocol)}_Testprotocol_${doc.protocol.version}`;
      await writer.write(`test-protocol/${protocol.id}.html`, html);
      await writer.write(`test-protocol/${protocol.id}.docx`, docx);
      const zip = await evidencePackage(
        writer,
        [
          { name: `${base}.docx`, content: docx },
          { name: `${base}.html`, content: html },
          { name: 'certification-result.json', content: record },
          ...signature,
        ],
        doc.files,
      );
      await writer.write(`test-protocol/${protocol.id}-evidence.zip`, zip);
    }
  },
};
