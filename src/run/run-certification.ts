import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Envelope } from '@cucumber/messages';
import { allCounterparts, createCounterparts, sessionAddresses } from '../counterparts/registry.ts';
import { CounterpartHost } from '../counterparts/host.ts';
import { HttpDriver } from '../driver/http-driver.ts';
import { handOverTo } from '../driver/manual/hand-over.ts';
import { JOURNAL_FILE, RunJournal } from '../driver/manual/journal.ts';
import { ManualSession } from '../driver/manual/manual-session.ts';
import type { Operator } from '../driver/manual/operator.ts';
import { TerminalOperator } from '../driver/manual/terminal-operator.ts';
import type { RunEnvironment } from '../environment/environment.ts';
import { InvalidInputError } from '../errors/index.ts';
import type { Exchange } from '../evidence/exchange.ts';
import { boundEnvelope, ndjsonLine } from '../evidence/bound.ts';
import { EvidenceClient } from '../evidence/http-client.ts';
import { writeIntegrityManifest } from '../integrity/run-integrity.ts';
import { Redactor } from '../evidence/redact.ts';
import { claimOutputFolder } from '../output/output-folder.ts';
import { loadProfile, resolveToken } from '../profile/load.ts';
import { loadSigner, signingOptionsOf, type SigningOptions } from '../signing/keys.ts';
import { resolveSigning, writeSignature } from '../signing/sign.ts';
import type { SutProfile } from '../profile/schema.ts';
import { loadProtocols, selectProtocols } from '../protocols/load.ts';
import { releaseIdlePdfReader } from '../rules/dsj/pdf.ts';
import { warmUpProtocols } from '../steps-api/warm-up.ts';
import type { LoadedManifest } from '../protocols/schema.ts';
import { profileVariants, variantIssues } from '../protocols/variants.ts';
import { createConsoleSummaryProjection } from '../projections/console-summary.ts';
import { builtinProjections, runProjections } from '../projections/index.ts';
import { allWritten, FileSystemWriter } from '../projections/writer.ts';
import { ALLURE_RESULTS_DIR, createAllureResultsProjection } from '../projections/allure/allure-results.ts';
import { EXCHANGE_MEDIA_TYPE } from '../checks/media-types.ts';
import {
  ExchangeFilesAhead,
  keepCited,
  type WrittenExchange,
} from '../evidence/ahead/exchange-files-ahead.ts';
import { historyPathFor, startAllureHtml } from '../report/allure-html.ts';
import { ALLURE_CONFIG_FILE } from '../report/allure-config.ts';
import { assembleResult } from '../result/assemble.ts';
import type { CertificationResult, CheckpointResult } from '../result/types.ts';
import { MessageIndex } from '../verdicts/message-index.ts';
import { computeVerdicts, untestedCheckpoint } from '../verdicts/verdicts.ts';
import { loadWaivers } from '../waivers/load.ts';
import { loadTestPlan } from '../test-plan/load.ts';
import { resolveCacheFolder, validationRecords } from '../validation/index.ts';
import { cpuNow, peakMiB, type RunTimings } from './timings.ts';
import { registerRunContext, unregisterRunContext } from './context.ts';
import { preloadSteps, runScenarios, tagExpressionFor } from './cucumber-runner.ts';
import { validatorKey } from './context.ts';
import { CERTBENCH_VERSION, PACKAGE_ROOT } from './package-root.ts';
import { checkBeforeRun, preflight } from './preflight.ts';
import { checkpointsNotRun, dryRunText, whyNotRun, type PlanInput } from '../selection/plan.ts';
import { selectCheckpoints, type ScenarioSelection, type SelectedCheckpoints } from '../selection/select.ts';
import { advertiseCounterpartsAt } from '../preflight/counterparts-url.ts';
import { PingCounterpart } from '../preflight/ping-counterpart.ts';
import { carryEvidence, loadRerun } from './rerun.ts';

export interface RunOptions {
  /** SUT profile; defaults to the built-in reference profile when `referenceGp` is set. */
  profileFile?: string;
  /** Overrides the profile's automation.baseUrl. */
  sutUrl?: string;
  /** Overrides the profile's counterparts.advertisedBaseUrl (where the SUT reaches certbench). */
  counterpartsUrl?: string;
  /** Start the built-in reference GP system in-process (with these faults) and test it. */
  referenceGp?: { faults: string[] };
  protocols: string[] | 'all';
  waiversFile?: string;
  /**
   * Sign the record (certify mode: MedCom's key; a self-test: the vendor's), overriding the profile's `signing`.
   * See src/signing.
   */
  signing?: Partial<SigningOptions>;
  /** Test plan: checkpoints deferred in this round are pending and not run. */
  planFile?: string;
  /** FHIR package cache folder for profile validation; overrides the profile's `fhirPackages`. */
  fhirPackages?: string;
  /** Folder of an earlier run: run only its failed and pending checkpoints, carry the rest over. */
  rerunOf?: string;
  /** Override the profile's driver: `manual` runs the protocols with an operator at the keyboard (testcamp). */
  driver?: 'http' | 'manual';
  /** Manual runs: the assessor's name, recorded with every decision. */
  assessor?: string;
  /** Manual runs: reuse the decisions journalled by an interrupted run in the same output folder. */
  resume?: boolean;
  /** Manual runs: who answers (default: the terminal on the environment's stdin and stdout). */
  operatorFactory?: (sut: { baseUrl: string; token?: string }) => Operator;
  /** Manual runs: the counterparts' port (a testcamp gives each vendor one for the whole camp). */
  counterpartsPort?: number;
  /** Told of each message of the run as it happens (redacted), e.g. for a console's progress. */
  observe?: (envelope: Envelope) => void;
  /** Judge waivers as of this date instead of today (e.g. to see a run after a waiver's expiry). */
  asOf?: Date;
  mode: 'self-test' | 'certify';
  outDir: string;
  strict: boolean;
  /** Cucumber's ways to run only some scenarios (--tags, --checkpoint, --name, features/…:line). */
  selection?: ScenarioSelection;
  /** Generate the Allure HTML report (about 1 s). */
  html: boolean;
  /** Print the console summary. */
  summary: boolean;
  /**
   * Skip the scenarios after the first failed one (cucumber's failFast): for mutation testing, where one failure
   * decides. The skipped checkpoints are pending.
   */
  failFast?: boolean;
}

/** What a run writes into its output folder, and so may remove there before it starts. */
const GENERATED = [
  'evidence',
  'allure-results',
  'allure-report',
  'certification-result.json',
  'junit.xml',
  'summary.txt',
  'messages.ndjson',
  'integrity.json',
  ALLURE_CONFIG_FILE,
];

/**
 * One certification run, as one readable recipe (design example 1): load and check all input, start the SUT
 * side (reference GP when asked), counterparts and driver, run cucumber, compute verdicts, write the record and
 * its projections, and stop everything whatever happens.
 */
export async function runCertification(
  options: RunOptions,
  env: RunEnvironment,
): Promise<{ result: CertificationResult; timings: RunTimings }> {
  const t0 = performance.now();
  const [c0, m0] = [cpuNow(), peakMiB()];
  const startedAt = env.clock.now();
  const runId = randomUUID();
  const outDir = resolve(env.cwd, options.outDir);

  // 1. Every input is read and checked before anything starts.
  const { profile, driverKind, manifests, waivers, waiverSha256, plan, judgedAt, rerun, selected, signer } =
    await loadRunInputs(options, env, outDir);
  const runEnv = { ...env.env };
  if (options.referenceGp && profile.automation.auth)
    runEnv[profile.automation.auth.tokenEnv] ??= randomBytes(24).toString('base64url');
  // A manual run does not call the automation API (unless the reference GP plays the SUT), so needs no token.
  const token = driverKind === 'manual' && !options.referenceGp ? undefined : resolveToken(profile, runEnv);
  const redactor = new Redactor([token]);

  // The folder is checked and locked for this run; output of an earlier run there must not mix with this one's.
  const releaseOutput = await claimOutputFolder(outDir);
  const stops: (() => Promise<void>)[] = [releaseOutput];
  // A manual run's journal is read (or refused) before anything of an earlier run is removed.
  let journal: RunJournal | undefined;
  try {
    if (driverKind === 'manual')
      journal = new RunJournal(join(outDir, JOURNAL_FILE), Boolean(options.resume), () => env.clock.now());
  } catch (error) {
    await releaseOutput();
    throw error;
  }
  await Promise.all(GENERATED.map((name) => rm(join(outDir, name), { recursive: true, force: true })));
  // Allure's HTML is made in its own process, which loads and reads the history while an automated run tests, then
  // reads each results file as it is finished (a manual run, which can last a day, starts it when it reports).
  const allureAhead = options.html && driverKind !== 'manual' ? startAllureHtml(outDir) : undefined;
  const reportName = `certbench: ${profile.vendor} ${profile.system} ${profile.version}`;
  // What Allure's process has to say (a damaged history set aside) reaches the user as the run's warnings.
  const warn = (message: string) => env.logger.warn(message);
  if (allureAhead) {
    stops.push(() => allureAhead.cancel());
    // The report's name and history are known now: Allure reads the history of earlier runs while this one tests.
    // A failure here is reported by generate(), which waits for the same preparation.
    const variants = profileVariants(profile);
    const protocols = manifests.map((m) => ({ id: m.id, variant: variants[m.id] }));
    allureAhead
      .prepare({
        reportName,
        history: historyPathFor(profile.vendor, profile.system, protocols),
        warn,
      })
      .catch(() => undefined);
  }
  // An automated run's exchange files are written as it goes, on the idle core (a manual run has no hurry).
  const filesAhead = driverKind !== 'manual' ? new ExchangeFilesAhead(outDir, runId) : undefined;
  if (filesAhead) stops.push(() => filesAhead.cancel());
  try {
    // 2. The SUT side and the counterparts.
    let baseUrl = options.sutUrl ?? profile.automation.baseUrl;
    // The step files load while the SUT side starts and is checked (the scenarios wait for them).
    preloadSteps(PACKAGE_ROOT);
    if (options.referenceGp) {
      // Loaded only when asked for: a run against a vendor's system does not load the reference GP (nor pdf-lib).
      const { startReferenceGp } = await import('../../reference-gp/index.ts');
      const gp = await startReferenceGp({
        token,
        faults: options.referenceGp.faults,
        variants: profileVariants(profile),
      });
      stops.push(() => gp.stop());
      baseUrl = gp.url;
    }
    const counterparts = createCounterparts();
    const ping = new PingCounterpart();
    let manual: ManualSession | undefined;
    const host = new CounterpartHost(
      {
        ...profile.counterparts,
        // A resumed manual run listens where the vendor pointed the system the first time.
        bindPort:
          options.counterpartsPort ?? (profile.counterparts.bindPort || (journal?.counterpartsPort ?? 0)),
        redactor,
        ...(journal
          ? {
              onReceived: (r) =>
                manual?.received({
                  method: r.method,
                  url: r.url,
                  headers: r.headers,
                  bodyBase64: r.body.toString('base64'),
                }),
            }
          : {}),
      },
      [...allCounterparts(counterparts), ping],
    );
    await host.start();
    stops.push(() => host.stop());
    if (journal) {
      journal.record({ type: 'run', runId, resumed: journal.resumed, counterpartsPort: host.port });
      manual = new ManualSession({
        operator:
          options.operatorFactory?.({ baseUrl, ...(token ? { token } : {}) }) ??
          new TerminalOperator(env.stdin, env.stdout),
        journal,
        assessor: options.assessor ?? '',
        outDir,
        clock: () => env.clock.now(),
        handOver: handOverTo(host.listenUrl, () => env.clock.now().toISOString()),
      });
      const session = manual;
      stops.push(() => Promise.resolve(session.close()));
    }
    const makeDriver = (record: (exchange: Exchange) => Promise<void> | void) =>
      manual
        ? manual.driver(profile)
        : new HttpDriver(
            baseUrl,
            new EvidenceClient({
              redactor,
              record,
              timeoutMs: profile.automation.timeoutMs,
              maxBodyBytes: profile.automation.maxBodyBytes,
            }),
            token,
            profile.automation.inboundUrls,
          );
    const session = {
      runId,
      counterparts: sessionAddresses(host, counterparts),
      variants: profileVariants(profile),
    };
    // With the http driver the SUT is checked first (a ConnectionError stops the run); an operator's manual run
    // keeps its preflight, whose failure fails the checkpoints with the operator's answer as evidence.
    const check = manual
      ? await preflight(makeDriver, session)
      : await checkBeforeRun({
          profile,
          baseUrl,
          baseUrlSource: options.sutUrl ? '--sut-url' : `automation.baseUrl in ${profile.file}`,
          token,
          redactor,
          session,
          ping: { counterpart: ping, url: host.urlOf(ping) },
        });
    // The package cache profile validation uses: --fhir-packages, the profile's, CERTBENCH_FHIR_PACKAGES, ~/.fhir.
    const fhirPackages = resolveCacheFolder(options.fhirPackages ?? profile.fhirPackages, env.env, env.cwd);
    const run = registerRunContext({
      runId,
      profile,
      fhirPackages,
      clock: manual ? manual.clock(env.clock) : env.clock,
      counterparts,
      makeDriver,
      ...(manual ? { manual } : {}),
      ...(check.failure
        ? {
            preflightFailure: {
              message: check.failure,
              exchanges: check.exchanges,
              interrupted: Boolean(check.interrupted),
            },
          }
        : {}),
    });
    stops.push(() => Promise.resolve(unregisterRunContext(runId)));
    const t1 = performance.now();
    const [c1, m1] = [cpuNow(), peakMiB()];

    // 3. The checkpoints.
    const index = new MessageIndex();
    const ndjson = createWriteStream(join(outDir, 'messages.ndjson'));
    const exchangesWritten = new Set<string>();
    await runScenarios({
      root: PACKAGE_ROOT,
      featureDirs: manifests.map((m) => m.features),
      tagExpression: tagExpressionFor(
        manifests.map((m) => m.id),
        checkpointsNotRun({ manifests, profile, waivers, plan, now: judgedAt }),
        onlyThese(rerun?.retest, selected?.ids),
      ),
      runId,
      ...(options.failFast ? { failFast: true } : {}),
      onMessage: (message) => {
        // Redaction at the source: every text built from an SUT answer (messages, checks, evidence) passes here.
        const envelope = boundEnvelope(redactor.json(message));
        // The step files are loaded and the scenarios are about to begin: what they need later starts loading now.
        if (envelope.testRunStarted) warmUpProtocols(manifests.map((m) => m.id));
        index.update(envelope);
        options.observe?.(envelope);
        const attachment = envelope.attachment;
        if (
          filesAhead &&
          attachment?.mediaType === EXCHANGE_MEDIA_TYPE &&
          attachment.fileName &&
          !exchangesWritten.has(attachment.fileName)
        )
          filesAhead.add(attachment.body);
        ndjson.write(ndjsonLine(envelope, exchangesWritten));
      },
    });
    ndjson.end();
    await finished(ndjson);
    // The checkpoints are done: what only they needed goes before the reports are written.
    run.fixtures.clear();
    releaseIdlePdfReader();
    const t2 = performance.now();
    const [c2, m2] = [cpuNow(), peakMiB()];

    // 4. Verdicts, the record, its projections.
    const writtenAhead = (await filesAhead?.finish()) ?? new Map<string, WrittenExchange>();
    const verdicts = computeVerdicts({
      index,
      manifests,
      profile,
      waivers,
      ...(plan ? { plan } : {}),
      ...(rerun || selected
        ? {
            carried: notSelectedAsPending(
              { manifests, profile, waivers, plan, now: judgedAt },
              selected,
              rerun?.carried,
            ),
          }
        : {}),
      now: judgedAt,
    });
    if (rerun) verdicts.evidence.push(...(await carryEvidence(rerun, outDir)));
    const result = assembleResult(
      {
        certbenchVersion: CERTBENCH_VERSION,
        runId,
        mode: options.mode,
        driver: driverKind,
        strict: options.strict,
        startedAt,
        finishedAt: env.clock.now(),
        sut: {
          vendor: profile.vendor,
          system: profile.system,
          version: profile.version,
          profileSha256: profile.sha256,
          ...(options.referenceGp ? { referenceGp: { faults: options.referenceGp.faults } } : {}),
        },
        ...(options.waiversFile ? { waiverFile: options.waiversFile } : {}),
        ...(waiverSha256 ? { waiverSha256 } : {}),
        ...(plan ? { plan: { id: plan.id, file: options.planFile ?? '' } } : {}),
        ...(options.asOf ? { asOf: judgedAt } : {}),
        ...(rerun ? { previousRunId: rerun.previous.run.id } : {}),
      },
      verdicts,
    );
    const validation = (await validationRecords()).filter((r) =>
      run.validatorsUsed.has(validatorKey(r.cacheFolder, r.root)),
    );
    if (validation.length > 0) result.validation = validation;
    const writer = new FileSystemWriter(outDir);
    const ahead = await keepCited(outDir, writtenAhead, result);
    // The attachments written as the run went are final now: Allure reads them while the rest is written.
    for (const { attachments } of ahead.attachments.values())
      for (const attachment of attachments) allureAhead?.read(`${ALLURE_RESULTS_DIR}/${attachment.source}`);
    await allWritten(
      [...verdicts.evidenceFiles]
        .filter(([file]) => !ahead.evidenceFiles.has(file))
        .map(([file, text]) => writer.write(file, text)),
    );
    verdicts.evidenceFiles.clear();
    await writeFile(join(outDir, 'certification-result.json'), `${JSON.stringify(result, null, 2)}\n`);
    // Signed before the projections, so the evidence package carries the signature.
    if (signer) await writeSignature(outDir, result, signer, env.clock.now());
    const context = { result, writer, stdout: env.stdout, env: env.env };
    // Allure reads each checkpoint's result as soon as it is written.
    await runProjections(
      [createAllureResultsProjection(ahead.attachments, (file) => allureAhead?.read(file))],
      context,
    );
    // Allure's HTML (a child process, the longest part of reporting) reads only allure-results/, now complete: it
    // runs on the other core while the rest is written. The run ends when both have, and fails if either does.
    const allureHtml = allureAhead ?? (options.html ? startAllureHtml(outDir) : undefined);
    const html = allureHtml?.generate({ reportName, warn });
    const rest = (async () => {
      const projections = [builtinProjections.junit, builtinProjections['test-protocol']];
      if (options.summary)
        projections.push(createConsoleSummaryProjection({ runDir: outDir, htmlReport: options.html }));
      await runProjections(projections, context);
      await writeIntegrityManifest(outDir, result);
      // Only a run the operator saw through is finished; any other is continued with --resume.
      if (journal && manual && !manual.interrupted) journal.record({ type: 'finished' });
    })();
    await allWritten(html ? [rest, html] : [rest]);
    const t3 = performance.now();
    const [c3, m3] = [cpuNow(), peakMiB()];
    return {
      result,
      timings: {
        beforeRunMs: t0,
        startupMs: t1 - t0,
        checkpointsMs: t2 - t1,
        reportingMs: t3 - t2,
        cpuMs: { beforeRun: c0, startup: c1 - c0, checkpoints: c2 - c1, reporting: c3 - c2 },
        peakMiB: { beforeRun: m0, startup: m1, checkpoints: m2, reporting: m3 },
      },
    };
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

/** Everything a run reads and checks before it starts anything (also all that --dry-run needs). */
async function loadRunInputs(options: RunOptions, env: RunEnvironment, outDir: string) {
  const catalogue = await loadProtocols(PACKAGE_ROOT);
  const profileFile =
    options.profileFile ??
    (options.referenceGp ? join(PACKAGE_ROOT, 'profiles', 'reference-gp.yaml') : undefined);
  if (!profileFile)
    throw new InvalidInputError([{ file: '--profile', message: 'give a SUT profile (or --reference-gp)' }]);
  const profile = advertiseCounterpartsAt(
    await loadProfile(resolve(env.cwd, profileFile)),
    options.counterpartsUrl,
  );
  if (options.sutUrl !== undefined && !/^https?:\/\/\S+$/.test(options.sutUrl)) {
    throw new InvalidInputError([
      { file: '--sut-url', message: `"${options.sutUrl}" is not an http(s) URL` },
    ]);
  }
  const driverKind = options.driver ?? profile.driver;
  if (driverKind === 'manual' && !options.assessor) {
    throw new InvalidInputError([
      { file: '--assessor', message: 'a manual run records who assesses: give --assessor "<name>"' },
    ]);
  }
  const manifests = selectClaimed(
    selectProtocols(
      catalogue,
      options.protocols === 'all' ? Object.keys(profile.protocols) : options.protocols,
    ),
    profile,
  );
  const variantProblems = variantIssues(manifests, profile);
  if (variantProblems.length > 0) throw new InvalidInputError(variantProblems);
  // Unknown checkpoint ids in a waiver register or a test plan are input errors (never silently ignored).
  const knownIds = catalogue.manifests.flatMap((m) => m.checkpoints.map((cp) => cp.id));
  const waivers = options.waiversFile
    ? await loadWaivers(resolve(env.cwd, options.waiversFile), knownIds)
    : [];
  const plan = options.planFile
    ? await loadTestPlan(resolve(env.cwd, options.planFile), knownIds)
    : undefined;
  const judgedAt = options.asOf ?? env.clock.now();
  const rerun = options.rerunOf
    ? await loadRerun(resolve(env.cwd, options.rerunOf), outDir, profile, manifests)
    : undefined;
  const selected = selectCheckpoints(
    manifests,
    catalogue.scenarios,
    options.selection,
    PACKAGE_ROOT,
    env.cwd,
  );
  const waiverSha256 = options.waiversFile
    ? createHash('sha256')
        .update(await readFile(resolve(env.cwd, options.waiversFile)))
        .digest('hex')
    : undefined;
  // Read before the run, so a wrong key or passphrase stops it before anything is tested.
  const signing = signingOptionsOf(options.signing && resolveSigning(options.signing, env.cwd), profile);
  const signer = signing ? await loadSigner(signing, env.env, env.clock.now()) : undefined;
  if (!signer && options.mode === 'certify')
    env.logger.warn(
      'this certification is not signed (--sign-key, or signing.key in the profile): the approvals list will not take it',
    );
  return { profile, driverKind, manifests, waivers, waiverSha256, plan, judgedAt, rerun, selected, signer };
}

/** --dry-run: what the run would do with each checkpoint (plan, waivers and selection applied); starts nothing. */
export async function dryRunCertification(options: RunOptions, env: RunEnvironment): Promise<string> {
  const inputs = await loadRunInputs(options, env, resolve(env.cwd, options.outDir));
  return dryRunText(
    {
      manifests: inputs.manifests,
      profile: inputs.profile,
      waivers: inputs.waivers,
      plan: inputs.plan,
      now: inputs.judgedAt,
    },
    inputs.selected,
    inputs.rerun?.retest,
  );
}

/** Only protocols the profile claims can be run against it. */
function selectClaimed(manifests: LoadedManifest[], profile: SutProfile): LoadedManifest[] {
  const unclaimed = manifests.filter((m) => !profile.protocols[m.id]);
  if (unclaimed.length > 0) {
    throw new InvalidInputError([
      {
        file: profile.file,
        field: 'protocols',
        message: `does not claim ${unclaimed.map((m) => m.id).join(', ')}; add it to run it`,
      },
    ]);
  }
  return manifests;
}

/** What cucumber runs when a rerun and a selection both narrow the run: what both keep. */
function onlyThese(
  retest: ReadonlySet<string> | undefined,
  selected: ReadonlySet<string> | undefined,
): Set<string> | undefined {
  if (!retest) return selected ? new Set(selected) : undefined;
  return new Set([...retest].filter((id) => !selected || selected.has(id)));
}

/**
 * Checkpoints a selection leaves out are pending with the selection in words (a partial run certifies nothing of
 * them); the rest are judged as usual. A rerun's carried results stay as they were.
 */
function notSelectedAsPending(
  input: PlanInput,
  selected: SelectedCheckpoints | undefined,
  carried: ReadonlyMap<string, CheckpointResult> | undefined,
): Map<string, CheckpointResult> {
  const result = new Map(carried ?? []);
  if (!selected) return result;
  for (const m of input.manifests) {
    for (const cp of m.checkpoints) {
      // Not applicable, not testable, deferred or waived: judged as in any run.
      if (selected.ids.has(cp.id) || result.has(cp.id) || whyNotRun(m, cp, input)) continue;
      result.set(cp.id, {
        ...untestedCheckpoint(cp),
        message: `not selected in this run (${selected.description})`,
      });
    }
  }
  return result;
}
