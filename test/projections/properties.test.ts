import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatProperties } from '../../src/projections/allure/properties.ts';

describe('environment.properties format', () => {
  it('escapes separators in keys, leading spaces, line breaks and non-ASCII', () => {
    assert.equal(
      formatProperties([
        ['a key=x:y', ' v=1'],
        ['multi', 'one\ntwo\\three'],
        ['dansk', 'Ærø'],
      ]),
      'a\\ key\\=x\\:y=\\ v=1\nmulti=one\\ntwo\\\\three\ndansk=\\u00c6r\\u00f8\n',
    );
  });
});
