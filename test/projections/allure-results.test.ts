import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allureResultsProjection } from '../../src/projections/allure/allure-results.ts';
import type { Category, TestResult } from '../../src/projections/allure/model.ts';
import { FileSystemWriter, type InMemoryWriter } from '../../src/projections/writer.ts';
import type { CertificationResult } from '../../src/result/types.ts';
import { tempDir } from '../support/temp.ts';
import { CARRIED_DOCUMENT, sampleRun } from './result-builder.ts';

const stdout = { write: () => true };

async function project(
  run = sampleRun(),
): Promise<{ writer: InMemoryWriter; tests: Map<string, TestResult> }> {
  await allureResultsProjection.project({ ...run, stdout });
  const tests = new Map<string, TestResult>();
  for (const path of run.writer.files.keys()) {
    if (!/^allure-results\/[0-9a-f-]{36}-result\.json$/.test(path)) continue;
    const test = JSON.parse(run.writer.text(path)) as TestResult;
    tests.set(test.fullName.split(':')[1] ?? '', test);
  }
  return { writer: run.writer, tests };
}

function get(tests: Map<string, TestResult>, id: string): TestResult {
  const test = tests.get(id);
  assert.ok(test, `no result for ${id}`);
  return test;
}

const label = (test: TestResult, name: string): string[] =>
  test.labels.filter((l) => l.name === name).map((l) => l.value);

/** Allure's rule: the first category whose statuses and (unanchored, dotall) message regex match. */
function categoryOf(categories: Category[], test: TestResult): string | undefined {
  return categories.find(
    (c) =>
      (!c.matchedStatuses?.length || c.matchedStatuses.includes(test.status)) &&
      (!c.messageRegex || new RegExp(c.messageRegex, 's').test(test.statusDetails?.message ?? '\u0000')),
  )?.name;
}

describe('allure-results projection', () => {
  it('writes one result per checkpoint with the mapped status', async () => {
    const { tests } = await project();
    assert.deepEqual(Object.fromEntries([...tests].map(([id, test]) => [id, test.status])), {
      'LAB-01': 'passed',
      'LAB-02': 'failed',
      'LAB-03': 'failed',
      'LAB-04': 'unknown',
      'LAB-05': 'skipped',
      'LAB-06': 'skipped',
      'LAB-07': 'broken',
    });
  });

  it('names the waiver, its approver and expiry, and keeps the underlying failure in the trace', async () => {
    const waived = get((await project()).tests, 'LAB-04');
    assert.equal(
      waived.statusDetails?.message,
      'Waived: W-7 (approved by MedCom, expires 2027-01-01): refused-consent dispensation',
    );
    assert.equal(waived.statusDetails?.trace, 'refused consent was ignored');
    assert.deepEqual(label(waived, 'verdict'), ['waived']);
    assert.deepEqual(label(waived, 'waiver'), ['W-7']);
  });

  it('says why a checkpoint is pending, not applicable, an F4 remark or a harness error', async () => {
    const { tests } = await project();
    assert.equal(get(tests, 'LAB-05').statusDetails?.message, 'Pending: awaiting the assessor');
    assert.equal(
      get(tests, 'LAB-06').statusDetails?.message,
      'Not applicable: use case UC2 is not claimed by the SUT profile',
    );
    assert.equal(get(tests, 'LAB-03').statusDetails?.message, 'Remark (F4): Display text differs');
    assert.equal(get(tests, 'LAB-07').statusDetails?.message, 'Undefined step: the bench frobs');
  });

  it('puts each result in exactly the category its verdict calls for', async () => {
    const { writer, tests } = await project();
    const categories = JSON.parse(writer.text('allure-results/categories.json')) as Category[];
    assert.deepEqual(Object.fromEntries([...tests].map(([id, test]) => [id, categoryOf(categories, test)])), {
      'LAB-01': undefined,
      'LAB-02': 'Blocking failures',
      'LAB-03': 'Remarks (F4)',
      'LAB-04': 'Waived',
      'LAB-05': 'Pending',
      'LAB-06': 'Not applicable',
      'LAB-07': 'Harness error',
    });
  });

  it('labels protocol, use case and checkpoint as epic, feature and story, with severity from the grade', async () => {
    const { tests } = await project();
    const failed = get(tests, 'LAB-02');
    assert.equal(failed.name, 'LAB-02 Reply <&"quoted">');
    assert.equal(failed.fullName, 'laboratoriesvar:LAB-02');
    assert.deepEqual(label(failed, 'epic'), ['Laboratoriesvar']);
    assert.deepEqual(label(failed, 'feature'), ['UC1 Send requisition']);
    assert.deepEqual(label(failed, 'story'), ['LAB-02 Reply <&"quoted">']);
    assert.deepEqual(label(failed, 'severity'), ['blocker']);
    assert.deepEqual(label(failed, 'framework'), ['certbench']);
    assert.deepEqual(label(get(tests, 'LAB-03'), 'severity'), ['minor']);
    assert.deepEqual(label(get(tests, 'LAB-05'), 'tag'), ['manual']);
    assert.deepEqual(label(get(tests, 'LAB-06'), 'tag'), ['provisional']);
    assert.deepEqual(label(get(tests, 'LAB-06'), 'feature'), ['UC2 Cancel requisition']);
    assert.deepEqual(get(tests, 'LAB-01').links, [
      { name: 'Requisition is sent as a FHIR message', url: 'https://medcom.test/req/1', type: 'link' },
    ]);
    assert.deepEqual(
      failed.parameters.map((p) => `${p.name}=${p.value}`),
      ['SUT vendor=Lægehus Øst', 'SUT system=Journal', 'SUT version=4.2'],
    );
  });

  it('turns steps and checks into Allure steps', async () => {
    const failed = get((await project()).tests, 'LAB-02');
    failed.steps = failed.steps.filter((s) => !s.name.startsWith('Set-up: '));
    const steps = failed.steps.map((s) => [s.name, s.status, s.statusDetails?.message]);
    assert.deepEqual(steps, [
      ['When the GP sends a requisition', 'passed', undefined],
      ['Then it is accepted', 'failed', 'boom'],
      ['✘ status is 201', 'failed', 'expected: 201\nactual: 500'],
    ]);
    assert.equal(failed.steps[2]?.statusDetails?.expected, '201');
    assert.equal(failed.steps[2]?.statusDetails?.actual, '500');
    assert.equal(get((await project()).tests, 'LAB-07').steps[0]?.status, 'broken');
  });

  it('lays checkpoints end to end from the run start', async () => {
    const { tests } = await project();
    const first = get(tests, 'LAB-01');
    assert.equal(first.start, Date.parse('2026-03-01T10:00:00.000Z'));
    assert.equal(first.stop - first.start, 10);
    assert.equal(get(tests, 'LAB-02').start, first.stop);
  });

  it('attaches each exchange once, under the set-up step that made it, where it failed; others refer to it', async () => {
    const { writer, tests } = await project();
    const passed = get(tests, 'LAB-01');
    const failed = get(tests, 'LAB-02');
    assert.deepEqual(passed.attachments, [], 'nothing at test level');
    assert.deepEqual(failed.attachments, []);
    const [made, shared] = failed.steps;
    assert.equal(made?.name, 'Set-up: 3.3.1.2 register the diagnosis');
    assert.equal(made?.steps[0]?.name, '→ SUT action ev-1: POST /actions → 201');
    assert.deepEqual(
      made?.steps[0]?.attachments.map((a) => [a.name, a.type]),
      [['answer: body (application/json)', 'application/json']],
      'only a body is a file',
    );
    // The request line, the status and every header are the step's parameters, before the evidence file's.
    const shown = made?.steps[0]?.parameters.map((p) => p.name) ?? [];
    assert.equal(shown[0], 'request');
    assert.equal(
      made?.steps[0]?.parameters.find((p) => p.name === 'request: authorization')?.value,
      '[redacted]',
      'headers as the evidence holds them',
    );
    assert.ok(shown.includes('answer'), shown.join(', '));
    assert.ok(shown.includes('answer: body'), shown.join(', '));
    assert.deepEqual(shown.slice(-2), ['evidence', 'sha256']);
    assert.equal(made?.steps[0]?.parameters.find((p) => p.name === 'answer')?.value, 'HTTP 201');
    assert.equal(
      writer.text(`allure-results/${made?.steps[0]?.attachments[0]?.source ?? ''}`),
      '{\n  "ok": true\n}\n',
      'pretty-printed',
    );
    // LAB-01 cites ev-1 first, but passed: the failed LAB-02 holds it, where a reader looks.
    // None of that set-up step's exchanges is attached at LAB-01: the step alone says where they are.
    const [again] = passed.steps;
    assert.equal(again?.name, 'Set-up: 3.3.1.2 register the diagnosis (1 exchange, attached at LAB-02)');
    assert.deepEqual(again?.steps, []);
    assert.deepEqual(again?.attachments, []);
    assert.deepEqual(
      again?.parameters.map((p) => `${p.name}=${p.value}`),
      ['attached at=LAB-02'],
    );
    assert.equal(shared?.name, 'Set-up: 3.3.1.3 share the card');
    const parts = shared?.steps[0]?.attachments ?? [];
    assert.deepEqual(
      parts.map((a) => a.name),
      [
        'request: body (application/fhir+json)',
        'request: document in entry[1].resource (Binary) (decoded, application/fhir+json)',
      ],
    );
    assert.match(
      shared?.steps[0]?.parameters.find((p) => p.name === 'answer')?.value ?? '',
      /^none/,
      'no answer is said in the parameters',
    );
    const decoded = JSON.parse(writer.text(`allure-results/${parts[1]?.source ?? ''}`)) as unknown;
    assert.deepEqual(decoded, CARRIED_DOCUMENT, 'the document inside the bundle, opened');
    const files = [...writer.files.keys()].filter((p) => p.includes('-attachment.'));
    assert.equal(files.length, 3, 'each exchange once: 1 file for ev-1, 2 for ev-2');
  });

  it('lists each exchange of a set-up step that has some attached here and some elsewhere', async () => {
    const run = sampleRun();
    const ev1 = run.result.evidence[0];
    assert.ok(ev1);
    // ev-4 was made by the same set-up step as ev-1 and is cited only by LAB-01, so it is attached there.
    run.result.evidence.push({ ...ev1, id: 'ev-4', name: 'action ev-4', file: 'evidence/ev-4.json' });
    run.writer.files.set('evidence/ev-4.json', await run.writer.read('evidence/ev-1.json'));
    const lab01 = run.result.protocols[0]?.checkpoints.find((c) => c.id === 'LAB-01');
    assert.ok(lab01);
    lab01.evidence = ['ev-1', 'ev-4'];
    const [group] = get((await project(run)).tests, 'LAB-01').steps;
    assert.equal(group?.name, 'Set-up: 3.3.1.2 register the diagnosis');
    assert.deepEqual(
      group?.steps.map((s) => [s.name, s.attachments.length > 0]),
      [
        ['→ SUT action ev-1: POST /actions → 201 (attached at LAB-02)', false],
        ['→ SUT action ev-4: POST /actions → 201', true],
      ],
    );
    assert.deepEqual(
      group?.steps[0]?.parameters.map((p) => `${p.name}=${p.value}`),
      ['evidence=evidence/ev-1.json', `sha256=${'0'.repeat(64)}`, 'attached at=LAB-02'],
    );
  });

  it('writes a part repeated in another exchange as a second name (a hard link) of one file', async () => {
    // ev-3 is the same exchange as ev-1 made again (same headers, same answer), cited by another checkpoint.
    const run = sampleRun();
    const ev1 = run.result.evidence[0];
    assert.ok(ev1);
    run.result.evidence.push({ ...ev1, id: 'ev-3', file: 'evidence/ev-3.json' });
    const lab03 = run.result.protocols[0]?.checkpoints.find((c) => c.id === 'LAB-03');
    assert.ok(lab03);
    lab03.evidence = ['ev-3'];
    run.writer.files.set('evidence/ev-3.json', await run.writer.read('evidence/ev-1.json'));
    const root = await tempDir();
    const writer = new FileSystemWriter(root);
    for (const [path, content] of run.writer.files) await writer.write(path, content);
    await allureResultsProjection.project({ result: run.result, writer, stdout });
    await allureResultsProjection.project({ ...run, stdout });

    const expected = new Map(
      [...run.writer.files].filter(([path]) => path.startsWith('allure-results/')).map(([p, c]) => [p, c]),
    );
    const written = await readdir(join(root, 'allure-results'));
    assert.deepEqual(
      written.sort(),
      [...expected.keys()].map((p) => p.slice('allure-results/'.length)).sort(),
    );
    const inodes = new Map<string, number>();
    for (const name of written) {
      const path = join(root, 'allure-results', name);
      assert.deepEqual(
        await readFile(path),
        expected.get(`allure-results/${name}`),
        `${name}: the same bytes`,
      );
      if (name.includes('-attachment.')) inodes.set(name, (await stat(path)).ino);
    }
    const contents = new Set(
      [...inodes.keys()].map((name) => expected.get(`allure-results/${name}`)?.toString('base64')),
    );
    assert.equal(inodes.size, 4, 'ev-1 and ev-3 one part each, ev-2 two');
    assert.equal(new Set(inodes.values()).size, contents.size, 'one file per distinct content');
    assert.ok(contents.size < inodes.size, 'ev-3 repeats ev-1');
  });

  it('shows no anonymous hook steps; a failed hook is named', async () => {
    const run = sampleRun();
    const cp = run.result.protocols[0]?.checkpoints[0];
    assert.ok(cp);
    cp.steps = [
      { keyword: 'Hook', text: 'c7ea7d86-cda7-428e-862e-d22286b7e1d0', status: 'passed', durationMs: 1 },
      ...cp.steps,
      {
        keyword: 'Hook',
        text: '5b1f0c1e-0000-4000-8000-000000000000',
        status: 'failed',
        durationMs: 1,
        error: 'x',
      },
    ];
    const names = get((await project(run)).tests, 'LAB-01').steps.map((s) => s.name);
    assert.ok(!names.some((n) => /Hook|[0-9a-f]{8}-[0-9a-f]{4}/.test(n)), names.join(' | '));
    assert.ok(names.includes('certbench scenario set-up (hook)'));
  });

  it('keeps file names stable for a run and history ids stable across runs', async () => {
    const first = await project();
    const again = await project();
    assert.deepEqual([...first.writer.files.keys()].sort(), [...again.writer.files.keys()].sort());
    const other = sampleRun();
    const rerun: CertificationResult = {
      ...other.result,
      run: { ...other.result.run, id: 'run-2026-04-01-b' },
    };
    const next = await project({ result: rerun, writer: other.writer });
    const before = get(first.tests, 'LAB-02');
    const after = get(next.tests, 'LAB-02');
    assert.notEqual(after.uuid, before.uuid);
    assert.equal(after.historyId, before.historyId);
    assert.equal(after.testCaseId, before.testCaseId);
    assert.match(before.uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('writes environment, executor and categories', async () => {
    const { writer } = await project();
    const environment = writer.text('allure-results/environment.properties');
    assert.match(environment, /^sut\.vendor=L\\u00e6gehus \\u00d8st$/m);
    assert.match(environment, /^run\.id=run-2026-03-01-a$/m);
    assert.match(environment, /^protocol\.laboratoriesvar=1\.2\.0 \(medcom\.fhir\.dk\.lab 2\.0\.0\)$/m);
    assert.match(environment, /^certbench\.version=0\.1\.0$/m);
    const executor = JSON.parse(writer.text('allure-results/executor.json')) as Record<string, string>;
    assert.equal(executor.name, 'certbench');
    assert.equal(executor.type, 'certbench');
    assert.equal(executor.buildName, 'run-2026-03-01-a');
    const categories = JSON.parse(writer.text('allure-results/categories.json')) as Category[];
    assert.deepEqual(
      categories.map((c) => c.name),
      ['Waived', 'Pending', 'Not applicable', 'Harness error', 'Remarks (F4)', 'Blocking failures'],
    );
  });

  it('names the CI build and links to it in the executor (GitHub Actions, GitLab CI)', async () => {
    const github = sampleRun();
    await allureResultsProjection.project({
      ...github,
      stdout,
      env: {
        GITHUB_ACTIONS: 'true',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'vendor/gp-system',
        GITHUB_RUN_ID: '1234567',
        GITHUB_RUN_NUMBER: '42',
        GITHUB_WORKFLOW: 'certbench',
        SUT_TOKEN: 'secret-token',
      },
    });
    const text = github.writer.text('allure-results/executor.json');
    assert.deepEqual(JSON.parse(text), {
      name: 'GitHub Actions',
      type: 'github',
      buildName: 'certbench #42 (certbench run run-2026-03-01-a)',
      reportName: 'certbench: Lægehus Øst Journal 4.2',
      buildOrder: 42,
      buildUrl: 'https://github.com/vendor/gp-system/actions/runs/1234567',
      url: 'https://github.com/vendor/gp-system',
    });
    assert.ok(!text.includes('secret-token'));
    const gitlab = sampleRun();
    await allureResultsProjection.project({
      ...gitlab,
      stdout,
      env: {
        GITLAB_CI: 'true',
        CI_PIPELINE_URL: 'https://gitlab.com/v/gp/-/pipelines/9',
        CI_JOB_URL: 'https://gitlab.com/v/gp/-/jobs/77',
        CI_PIPELINE_IID: '9',
        CI_PROJECT_PATH: 'v/gp',
        CI_JOB_NAME: 'certbench',
      },
    });
    const executor = JSON.parse(gitlab.writer.text('allure-results/executor.json')) as Record<
      string,
      unknown
    >;
    assert.equal(executor['buildUrl'], 'https://gitlab.com/v/gp/-/jobs/77');
    assert.equal(executor['buildOrder'], 9);
    assert.equal(executor['buildName'], 'v/gp #9 certbench (certbench run run-2026-03-01-a)');
  });

  it("points to public sources only: the project's own notes become the protocol's manifest", async () => {
    const run = sampleRun();
    const cp = run.result.protocols[0]?.checkpoints[0];
    assert.ok(cp);
    cp.requirements = [
      {
        text: 'No deletion in the source (DAP-styregruppen, december 2025, punkt 8: deling af lokale labsvar (shared/seeds))',
        url: 'https://medcom.test/x',
      },
      { text: 'Resend with a new envelope id (shared/domain/medcom-standards.md §1.4)' },
    ];
    cp.provisional = {
      source: 'No public specification (shared/domain/medcom-standards.md §5, addendum §A.1)',
    };
    const { writer } = await project(run);
    const test = [...writer.files]
      .map(([, bytes]) => bytes.toString('utf8'))
      .find((text) => text.includes('"fullName":"laboratoriesvar:LAB-01"'));
    assert.ok(test);
    assert.doesNotMatch(test, /shared\//);
    assert.match(test, /punkt 8: deling af lokale labsvar\)\]\(https:\/\/medcom\.test\/x\)/);
    assert.match(test, /Resend with a new envelope id \(protocols\/laboratoriesvar\.yaml\)/);
    assert.match(test, /No public specification \(protocols\/laboratoriesvar\.yaml, addendum §A\.1\)/);
  });

  it('fails naming the evidence when its file is missing', async () => {
    const run = sampleRun();
    run.writer.files.delete('evidence/ev-2.json');
    await assert.rejects(
      allureResultsProjection.project({ ...run, stdout }),
      /cannot read evidence ev-2 from evidence\/ev-2\.json/,
    );
  });

  it('shows the variant the SUT was tested as in the suite and as a label', async () => {
    const run = sampleRun();
    const first = run.result.protocols[0];
    assert.ok(first);
    first.variant = 'plsp';
    const test = get((await project(run)).tests, 'LAB-01');
    assert.deepEqual(label(test, 'variant'), ['plsp']);
    assert.match(label(test, 'parentSuite')[0] ?? '', /\(plsp\)$/);
  });
});
