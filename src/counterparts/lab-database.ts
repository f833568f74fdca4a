import type { Exchange } from '../evidence/exchange.ts';
import { DATABASE_NAME, type Database } from '../rules/lab/model.ts';
import { AckBook, type ScriptedAnswer } from './lab-ack.ts';
import { operationOutcome, type CounterpartResponse, type IncomingRequest } from './counterpart.ts';
import { bundleOfType, Recipient } from './recipient.ts';

/** A request to a database that is not a message submission, kept so checkpoints can see e.g. a DELETE. */
export interface OtherRequest {
  method: string;
  url: string;
  exchange: Exchange;
}

/**
 * A national lab database as certbench hosts it (LABA for biochemistry, MiBA for microbiology): a FHIR endpoint the
 * SUT posts lab result messages to (POST `<base>`), answered with a MedCom-style acknowledgement. It keeps every
 * message, and every other request, for the checkpoints.
 */
export class LabDatabaseRecipient extends Recipient {
  readonly database: Database;
  private readonly others: OtherRequest[] = [];
  private readonly acks: AckBook;

  constructor(database: Database) {
    const acks = new AckBook(DATABASE_NAME[database]);
    super({
      id: database,
      sessionKey: database,
      what: `lab result message to ${DATABASE_NAME[database]}`,
      refuse: (body) => bundleOfType(body, ['message']),
      accept: (body) => acks.answer(body),
    });
    this.database = database;
    this.acks = acks;
  }

  override handle(request: IncomingRequest, exchange: Exchange): CounterpartResponse {
    if (request.method === 'POST') return super.handle(request, exchange);
    this.others.push({ method: request.method, url: exchange.request.url, exchange });
    return operationOutcome(
      405,
      `${DATABASE_NAME[this.database]} accepts only lab result messages (POST ${this.pathPrefix}/fhir); results are never deleted`,
      'not-supported',
    );
  }

  get otherCount(): number {
    return this.others.length;
  }

  othersSince(count: number): OtherRequest[] {
    return this.others.slice(count);
  }

  /** The next message gets this answer instead of the normal acknowledgement (and is not stored). */
  answerNext(code: ScriptedAnswer): void {
    this.acks.answerNext(code);
  }

  resetScript(): void {
    this.acks.resetScript();
  }
}
