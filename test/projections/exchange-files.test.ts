// How one exchange is shown in Allure: lines and headers as parameters, bodies as files, both bounded whatever the
// SUT sends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Exchange } from '../../src/evidence/exchange.ts';
import {
  ATTACHMENT_PART_LIMIT,
  exchangeView,
  PARAMETER_VALUE_LIMIT,
} from '../../src/projections/allure/exchange-files.ts';

function exchange(answerHeaders: Record<string, string>, answerText: string): Exchange {
  const size = Buffer.byteLength(answerText);
  return {
    id: 'ev-1',
    name: 'action',
    direction: 'outgoing',
    startedAt: '2026-03-01T10:00:00.000Z',
    durationMs: 3,
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:1/actions',
      headers: { 'content-type': 'application/json' },
    },
    response: {
      status: 200,
      headers: answerHeaders,
      body: { text: answerText, size, sha256: 'ab'.repeat(32), truncated: false },
    },
  };
}

describe('exchange view', () => {
  it('puts the request line, the status, each header and the body size in parameters, the body in a file', () => {
    const view = exchangeView(exchange({ 'content-type': 'application/json', 'x-trace': 't-1' }, '{"ok":1}'));
    assert.deepEqual(
      view.parameters.map((p) => `${p.name}=${p.value}`),
      [
        'request=POST http://127.0.0.1:1/actions',
        'request: content-type=application/json',
        'answer=HTTP 200',
        'answer: content-type=application/json',
        'answer: x-trace=t-1',
        `answer: body=8 bytes, sha256 ${'ab'.repeat(32)}`,
      ],
    );
    assert.deepEqual(
      view.parts.map((p) => [p.name, p.content]),
      [['answer: body (application/json)', '{\n  "ok": 1\n}\n']],
    );
  });

  it('cuts a header value and a body the SUT makes too long, saying so', () => {
    const view = exchangeView(exchange({ 'x-garbage': 'g'.repeat(100_000) }, 'x'.repeat(200_000)));
    const garbage = view.parameters.find((p) => p.name === 'answer: x-garbage')?.value ?? '';
    assert.equal(garbage.length, PARAMETER_VALUE_LIMIT);
    assert.match(garbage, /100000 characters, cut; the whole value is in this exchange's evidence file/);
    const body = view.parts[0];
    assert.ok(body);
    assert.ok(Buffer.byteLength(body.content) <= ATTACHMENT_PART_LIMIT);
    assert.match(body.name, /\(cut\)$/);
  });

  it('says in the parameters that no answer came', () => {
    const asked: Exchange = { ...exchange({}, ''), error: 'timeout after 5000 ms' };
    delete asked.response;
    const view = exchangeView(asked);
    assert.equal(view.parameters.at(-1)?.value, 'none: timeout after 5000 ms');
    assert.deepEqual(view.parts, []);
  });
});
