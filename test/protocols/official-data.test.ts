// The official protocols as data (protocols/official/*.yaml) say what MedCom's documents say: every step, under its
// number, in MedCom's words, compared with the Markdown conversion of the Word document in shared/.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { readYamlFile } from '../../src/input/yaml-file.ts';
import { officialProtocolSchema } from '../../src/protocols/official.ts';
import { readOfficialMarkdown } from '../../src/protocols/official-markdown.ts';
import { PACKAGE_ROOT } from '../../src/run/package-root.ts';
import { SHARED } from '../support/temp.ts';

const dir = join(PACKAGE_ROOT, 'protocols', 'official');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
  test(`${file} holds every step of MedCom's document, in its words`, async () => {
    const official = await readYamlFile(join(dir, file), officialProtocolSchema, 'official test protocol');
    const markdown = join(
      SHARED,
      'examples/medcom/test-protocols',
      basename(official.source.path).replace(/\.docx$/, '.md'),
    );
    const source = readOfficialMarkdown(readFileSync(markdown, 'utf8'));
    const strip = (s: {
      number: string;
      section: string;
      action: string;
      testData?: string;
      expected: string;
    }) => ({
      number: s.number,
      section: s.section,
      action: s.action,
      testData: s.testData,
      expected: s.expected,
    });
    assert.deepEqual(official.steps.map(strip), source.steps.map(strip));
    assert.deepEqual(
      official.sections.map((s) => [s.number, s.title]),
      source.sections.map((s) => [s.number, s.title]),
    );
    const numbers = official.steps.map((s) => s.number);
    assert.equal(new Set(numbers).size, numbers.length, 'step numbers are unique');
    for (const step of official.steps)
      assert.ok(
        official.sections.some((s) => s.number === step.section),
        `${step.number}: its section ${step.section} is listed`,
      );
  });
}
