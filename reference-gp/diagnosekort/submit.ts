// Sends the ITI-65 transaction to the document sharing recipient and waits for its acceptance.
import { request, type Dispatcher } from 'undici';
import { HttpProblem } from '../http/problem.ts';

const TIMEOUT_MS = 30_000;

export async function submitTransaction(dispatcher: Dispatcher, url: string, body: string): Promise<void> {
  let status: number;
  let answer: string;
  try {
    const response = await request(url, {
      method: 'POST',
      dispatcher,
      headers: { 'content-type': 'application/fhir+json', accept: 'application/fhir+json' },
      body,
      headersTimeout: TIMEOUT_MS,
      bodyTimeout: TIMEOUT_MS,
    });
    status = response.statusCode;
    answer = await response.body.text();
  } catch (error) {
    throw new HttpProblem(
      502,
      `document sharing recipient ${url} could not be reached: ${(error as Error).message}`,
    );
  }
  if (status < 200 || status > 299) {
    throw new HttpProblem(502, `document sharing recipient answered HTTP ${status}: ${answer.slice(0, 300)}`);
  }
}
