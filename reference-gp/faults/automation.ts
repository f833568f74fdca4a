// Automation faults: the share action is performed, but its answer breaks the automation API contract.
import type { ServerResponse } from 'node:http';
import type { AutomationFault, FaultName } from './catalogue.ts';

const AUTOMATION_FAULTS: readonly AutomationFault[] = [
  'automation-invalid-json',
  'automation-wrong-content-type',
  'automation-huge-body',
  'automation-hangs',
];

const HUGE_BODY_BYTES = 50 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

export function automationFault(faults: ReadonlySet<FaultName>): AutomationFault | undefined {
  return AUTOMATION_FAULTS.find((fault) => faults.has(fault));
}

/** Answers the share request the broken way the fault names (or, for automation-hangs, not at all). */
export function sendBrokenAnswer(fault: AutomationFault, response: ServerResponse, answer: object): void {
  switch (fault) {
    case 'automation-invalid-json':
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{not json');
      return;
    case 'automation-wrong-content-type':
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<html><body><p>Diagnosekortet er delt.</p></body></html>');
      return;
    case 'automation-huge-body':
      streamHugeBody(response, answer);
      return;
    case 'automation-hangs':
      // Never answer; stop() closes the connection.
      return;
  }
}

/** Valid JSON of ~50 MB, written chunk by chunk with back-pressure instead of built as one string. */
function streamHugeBody(response: ServerResponse, answer: object): void {
  const head = Buffer.from(`${JSON.stringify(answer).slice(0, -1)},"padding":"`);
  const tail = Buffer.from('"}');
  const chunks = Math.ceil(HUGE_BODY_BYTES / CHUNK.length);
  response.writeHead(200, {
    'content-type': 'application/json',
    'content-length': head.length + chunks * CHUNK.length + tail.length,
  });
  response.write(head);
  let sent = 0;
  const pump = (): void => {
    while (sent < chunks) {
      if (response.destroyed) return;
      sent += 1;
      if (!response.write(CHUNK)) {
        response.once('drain', pump);
        return;
      }
    }
    response.end(tail);
  };
  pump();
}
