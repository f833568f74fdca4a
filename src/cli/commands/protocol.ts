import { resolve } from 'node:path';
import type { RunEnvironment } from '../../environment/environment.ts';
import { EXIT } from '../../errors/exit-codes.ts';
import { loadProtocols, selectProtocols } from '../../protocols/load.ts';
import { blankProtocol } from '../../projections/test-protocol/blank.ts';
import { testProtocolDocx } from '../../projections/test-protocol/docx.ts';
import { testProtocolHtml } from '../../projections/test-protocol/html.ts';
import { testProtocolDocument } from '../../projections/test-protocol/model.ts';
import { FileSystemWriter } from '../../projections/writer.ts';
import { PACKAGE_ROOT } from '../../run/package-root.ts';

/**
 * Writes every protocol's test protocol without a run: the official ones empty (to compare with MedCom's own),
 * certbench's drafts for the standards MedCom has published no test protocol for (for MedCom to review and adopt).
 */
export async function protocolCommand(
  options: { out: string; protocol?: string[] },
  env: RunEnvironment,
): Promise<number> {
  const catalogue = await loadProtocols(PACKAGE_ROOT);
  const writer = new FileSystemWriter(resolve(env.cwd, options.out));
  for (const manifest of selectProtocols(catalogue, options.protocol ?? 'all')) {
    const doc = testProtocolDocument(blankProtocol(manifest));
    await writer.write(`${manifest.id}.html`, testProtocolHtml(doc));
    await writer.write(`${manifest.id}.docx`, await testProtocolDocx(doc));
    env.stdout.write(
      `${manifest.id}: ${doc.kind === 'official' ? `${doc.title} ${doc.protocol.version} (MedCom's, empty)` : `${doc.title} (draft)`} → ${resolve(env.cwd, options.out, `${manifest.id}.html`)}, .docx\n`,
    );
  }
  return EXIT.ok;
}
