// The redactor removes the token in every form an SUT may echo it: as is, URL- or form-encoded, JSON-escaped, and
// inside base64 or base64url at any byte offset (a Basic header "user:token" for users of any length).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REDACTED, Redactor } from '../../src/evidence/redact.ts';

const TOKEN = 'tok+en/with"odd chars=';
const redactor = new Redactor([TOKEN]);

test('base64 of "user:token" is redacted for users of every length, and base64url too', () => {
  for (const user of ['', 'a', 'ab', 'abc', 'certbench', 'x'.repeat(17)]) {
    for (const encoding of ['base64', 'base64url'] as const) {
      const encoded = Buffer.from(user ? `${user}:${TOKEN}` : TOKEN).toString(encoding);
      const out = redactor.text(`Basic ${encoded}`);
      assert.ok(out.includes(REDACTED), `${user} ${encoding}`);
      // What is left is only the edges that depend on the user name and the padding.
      const edges = Math.ceil(((user ? user.length + 1 : 0) * 4) / 3) + 4;
      assert.ok(out.length <= 'Basic '.length + REDACTED.length + edges, `${user} ${encoding}: ${out}`);
    }
  }
});

test('URL-encoded, form-encoded and JSON-escaped forms are redacted', () => {
  for (const form of [
    encodeURIComponent(TOKEN),
    encodeURIComponent(TOKEN).replace(/%20/g, '+'),
    JSON.stringify(TOKEN).slice(1, -1),
  ])
    assert.equal(redactor.text(`x=${form}&y=1`), `x=${REDACTED}&y=1`);
});

test('a cucumber message is redacted in every string it holds, attachments included', () => {
  const envelope = {
    testStepFinished: { testStepResult: { status: 'FAILED', message: `HTTP 500 ${TOKEN}` } },
    attachment: { body: JSON.stringify({ actual: `Bearer ${TOKEN}` }), mediaType: 'application/json' },
  };
  const out = JSON.stringify(redactor.json(envelope));
  assert.ok(!out.includes('tok+en'), out);
  assert.ok(!out.includes(JSON.stringify(TOKEN).slice(1, -1)), out);
});

test('with a plain token, a message holding it anywhere is redacted, and one without it is passed on as it is', () => {
  const plain = 'Tok3nWithoutOddChars9';
  const plainRedactor = new Redactor([plain]);
  const exchange = {
    request: { headers: { 'x-echo': plain } },
    response: { body: { text: `{"t":"${plain}"}` } },
  };
  const holding = [
    { testStepFinished: { testStepResult: { status: 'FAILED', message: `HTTP 500 ${plain}` } } },
    // An exchange attached as JSON text inside the message: the token is escaped nowhere, found everywhere.
    { attachment: { body: JSON.stringify(exchange), mediaType: 'application/vnd.certbench.exchange+json' } },
    { attachment: { body: Buffer.from(`user:${plain}`).toString('base64'), mediaType: 'text/plain' } },
    {
      attachment: {
        body: JSON.stringify(JSON.stringify({ deep: encodeURIComponent(plain) })),
        mediaType: 'x',
      },
    },
  ];
  for (const envelope of holding) {
    const out = JSON.stringify(plainRedactor.json(envelope));
    assert.ok(!out.includes(plain) && out.includes(REDACTED), out);
  }
  const clean = { attachment: { body: JSON.stringify({ ok: true, note: 'Tok3n' }), mediaType: 'x' } };
  assert.equal(plainRedactor.json(clean), clean, 'the same object: nothing to copy');
});
