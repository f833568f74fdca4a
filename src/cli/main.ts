// The only place that turns outcomes into exit codes and calls process.exit (design example 14). Each command's
// module is imported when that command runs, so `status` or `lint` never load cucumber, pdfjs or the validator.
import { Command, CommanderError, Option } from 'commander';
import { makeEnvironment } from '../environment/environment.ts';
import { EXIT } from '../errors/exit-codes.ts';
import { ConnectionError, HarnessError, InvalidInputError } from '../errors/index.ts';
import { typescriptStack } from '../errors/typescript-stack.ts';
import { CERTBENCH_VERSION } from '../run/package-root.ts';
import type { ReferenceGpOptions } from './commands/reference-gp.ts';
import type { RegisterServeOptions } from './commands/register.ts';
import type { RunCommandOptions } from './commands/run.ts';
import type { StatusCommandOptions } from './commands/status.ts';
import { CHECK_HELP, RUN_HELP } from './help.ts';

const environment = makeEnvironment();
// A reader that stops early (`certbench --help | head`) closes the pipe: what it did not read is lost to it, and the
// command goes on (a run still writes its files); any other output error stays fatal.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
const program = new Command('certbench')
  .version(CERTBENCH_VERSION)
  .description('Executable MedCom certification protocols for Danish GP systems')
  .exitOverride()
  .configureOutput({
    writeOut: (s) => environment.stdout.write(s),
    writeErr: (s) => environment.stderr.write(s),
  });

program
  .command('run')
  .description(
    'run protocols against a SUT and write the certification result, Allure results and report, JUnit and a summary',
  )
  .option(
    '-p, --profile <file>',
    'SUT profile (YAML); default with --reference-gp: profiles/reference-gp.yaml',
  )
  .option('--sut-url <url>', "override the profile's automation.baseUrl (e.g. from a CI secret)")
  .option(
    '--counterparts-url <url>',
    "override the profile's counterparts.advertisedBaseUrl: where the SUT reaches certbench (e.g. the CI job's address)",
  )
  .option('--reference-gp', 'start the built-in reference GP system and test it')
  .option('--fault <name...>', 'with --reference-gp: enable named faults of its fault catalogue', [])
  .argument(
    '[features...]',
    'feature files to run, each optionally with :line of a scenario (e.g. features/diagnosekort/01-s1-1-one-diagnosis.feature:12)',
  )
  .option('--protocol <id...>', 'protocols to run (default: every protocol the profile claims)')
  .option(
    '-t, --tags <expression>',
    'run only scenarios matching a cucumber tag expression over @cp:, @usecase: and @protocol: tags',
  )
  .option('--checkpoint <id...>', 'run only these checkpoints (e.g. DK-3.3.1.2)')
  .option('-n, --name <regexp>', 'run only scenarios whose name matches')
  .option('--dry-run', 'list what would run, with the plan, waivers and selection applied; start nothing')
  .option('--all', 'run every protocol the profile claims (the default)')
  .option('-w, --waivers <file>', 'waiver register (YAML)')
  .option('--plan <file>', 'test plan (YAML): checkpoints deferred in this round are pending and not run')
  .option(
    '--fhir-packages <dir>',
    "FHIR package cache for profile validation (default: the profile's fhirPackages, CERTBENCH_FHIR_PACKAGES, ~/.fhir/packages)",
  )
  .option('--as-of <date>', 'judge waivers as of this date (YYYY-MM-DD) instead of today')
  .addOption(
    new Option(
      '--driver <driver>',
      "override the profile's driver: manual = testcamp mode, an operator performs each action",
    ).choices(['http', 'manual']),
  )
  .option('--assessor <name>', 'manual runs: who assesses (recorded with every decision)')
  .option('--resume', 'manual runs: keep the decisions of an interrupted run in the same --out folder')
  .option(
    '--rerun <runDir>',
    'run only the failed, waived and pending checkpoints of an earlier run; carry the rest over',
  )
  .addOption(
    new Option('--mode <mode>', 'self-test (vendor) or certify (MedCom)')
      .choices(['self-test', 'certify'])
      .default('self-test'),
  )
  .option('-o, --out <dir>', 'output folder for this run', 'reports/latest')
  .option('--strict', 'exit non-zero while checkpoints are pending')
  .option('--no-html', 'skip the Allure HTML report')
  .option('--no-summary', 'do not print the summary table')
  .option('--sign-key <file>', 'sign the record: private key (PEM) or PKCS#12 file (.p12/.pfx)')
  .option('--sign-cert <file>', 'with a PEM key: the certificate chain (PEM), signer first')
  .option('--sign-passphrase-env <name>', 'name of the environment variable holding the key passphrase')
  .option(
    '--register <dir|url>',
    'record the run in this register at its end: a folder (embedded PGlite) or postgres://… (default: CERTBENCH_REGISTER)',
  )
  .addHelpText('after', RUN_HELP)
  .action(async (features: string[], options: RunCommandOptions) => {
    process.exitCode = await (
      await import('./commands/run.ts')
    ).runCommand({ ...options, features }, environment);
  });

program
  .command('check')
  .description(
    "check that the SUT can be tested from here: its automation API answers info and session with the expected version, the token works, and the SUT reaches certbench's counterparts (every http run does this first)",
  )
  .requiredOption('-p, --profile <file>', 'SUT profile (YAML)')
  .option('--sut-url <url>', "override the profile's automation.baseUrl")
  .option('--counterparts-url <url>', "override the profile's counterparts.advertisedBaseUrl")
  .addHelpText('after', CHECK_HELP)
  .action(async (options: { profile: string; sutUrl?: string; counterpartsUrl?: string }) => {
    process.exitCode = await (
      await import('./commands/check.ts')
    ).checkCommand(
      {
        profileFile: options.profile,
        ...(options.sutUrl ? { sutUrl: options.sutUrl } : {}),
        ...(options.counterpartsUrl ? { counterpartsUrl: options.counterpartsUrl } : {}),
      },
      environment,
    );
  });

program
  .command('lint')
  .description(
    "check protocol manifests against feature files (both directions) and against MedCom's official test protocols",
  )
  .option('--root <dir>', 'folder holding protocols/ and features/ (default: this certbench installation)')
  .option(
    '--steps',
    'list every official step with the checkpoints that implement it, or the reason none does',
  )
  .action(async (options: { root?: string; steps?: boolean }) => {
    process.exitCode = await (
      await import('./commands/lint.ts')
    ).lintCommand(environment, options.root, options.steps === true);
  });

program
  .command('report <runDir>')
  .description(
    'regenerate allure-results, the Allure HTML report and the filled-in test protocol with its evidence package of a run folder from its certification-result.json',
  )
  .option(
    '--trust <pem>',
    "check the signer against this trust anchor (MedCom's certificate, PEM): a certification that does not verify is refused (exit 7)",
  )
  .action(async (runDir: string, options: { trust?: string }) => {
    process.exitCode = await (
      await import('./commands/report.ts')
    ).reportCommand(runDir, environment, options);
  });

program
  .command('protocol')
  .description(
    "write the test protocols without a run: MedCom's official ones empty, certbench's drafts where MedCom has none (HTML and DOCX)",
  )
  .option('-o, --out <dir>', 'output folder', 'reports/protocols')
  .option('--protocol <id...>', 'only these protocols (default: all)')
  .action(async (options: { out: string; protocol?: string[] }) => {
    process.exitCode = await (await import('./commands/protocol.ts')).protocolCommand(options, environment);
  });

program
  .command('status [resultsDir]')
  .description(
    'write the certification status report (HTML da/en, Markdown) from a folder of results or from the register',
  )
  .option(
    '--register <dir|url>',
    'read the runs from this register: a folder (embedded PGlite) or postgres://… (default: CERTBENCH_REGISTER)',
  )
  .option('-o, --out <dir>', 'output folder', 'reports/status')
  .option('--since <date>', 'list changes since this day (YYYY-MM-DD), e.g. the last meeting')
  .option('--next-meeting <date>', 'highlight dispensations no longer in force on this day')
  .option('--as-of <date>', 'the report day (default today); later runs are left out')
  .addOption(new Option('--lang <lang>', 'HTML pages to write').choices(['da', 'en', 'both']).default('both'))
  .option(
    '--pdf',
    'also print the report into status.<lang>.pdf with Chromium (CERTBENCH_CHROMIUM, else /usr/bin/chromium)',
  )
  .option(
    '--trust <pem>',
    "check signers against this trust anchor (MedCom's certificate, PEM): only verified certifications count; without it signatures are marked not checked",
  )
  .action(async (resultsDir: string | undefined, options: StatusCommandOptions) => {
    process.exitCode = await (
      await import('./commands/status.ts')
    ).statusCommand(resultsDir, options, environment);
  });

const register = program
  .command('register')
  .description('the results register: every run recorded in a database (a folder, or a PostgreSQL server)');
register
  .command('import <folders...>')
  .description(
    'record every certification-result.json under the folders (the same record twice is one run; nothing is overwritten)',
  )
  .option(
    '--register <dir|url>',
    'a folder (embedded PGlite, created when missing) or postgres://… (default: CERTBENCH_REGISTER)',
  )
  .action(async (folders: string[], options: { register?: string }) => {
    process.exitCode = await (
      await import('./commands/register.ts')
    ).registerImportCommand(folders, options, environment);
  });

register
  .command('serve')
  .description(
    'serve the register over HTTP: submissions of evidence packages by token and role, and the live status report',
  )
  .option('--register <dir|url>', 'a folder (embedded PGlite) or postgres://… (default: CERTBENCH_REGISTER)')
  .requiredOption(
    '--submitters <file>',
    'YAML: who may submit what (role, vendor, systems, SHA-256 of the token)',
  )
  .option('--host <host>', 'bind address', '127.0.0.1')
  .option('--port <port>', 'port', '8090')
  .option(
    '--trust <pem>',
    "the live status page checks signers against this trust anchor (MedCom's certificate, PEM)",
  )
  .action(async (options: RegisterServeOptions) => {
    process.exitCode = await (
      await import('./commands/register.ts')
    ).registerServeCommand(options, environment);
  });

program
  .command('verify <target>')
  .description(
    'verify a signed run offline (a run folder or its evidence package): signature, certificate against --trust, every evidence file; exit 7 when it does not verify',
  )
  .option('--trust <pem>', "the trust anchor: MedCom's certificate (PEM)")
  .action(async (target: string, options: { trust?: string }) => {
    process.exitCode = await (
      await import('./commands/verify.ts')
    ).verifyCommand(target, options, environment);
  });

program
  .command('approvals <folders...>')
  .description(
    'write the public approvals list (HTML da/en, JSON) from the verified certifications under the folders; self-tests never appear',
  )
  .option('--trust <pem>', "the trust anchor: MedCom's certificate (PEM)")
  .option('-o, --out <dir>', 'output folder', 'reports/approvals')
  .action(async (folders: string[], options: { trust?: string; out: string }) => {
    process.exitCode = await (
      await import('./commands/approvals.ts')
    ).approvalsCommand(folders, options, environment);
  });

program
  .command('validate <file>')
  .description('validate FHIR R4 JSON against a MedCom/DK profile, offline')
  .option('--profile <url>', 'profile canonical URL (default: the resource meta.profile)')
  .option('--fhir-packages <dir>', 'FHIR package cache (default CERTBENCH_FHIR_PACKAGES or ~/.fhir/packages)')
  .action(async (file: string, options: { profile?: string; fhirPackages?: string }) => {
    process.exitCode = await (
      await import('./commands/validate.ts')
    ).validateCommand(file, options, environment);
  });

program
  .command('testcamp')
  .description(
    'serve the testcamp console: every vendor run of the testcamp file in the browser, for operators and assessors (Ctrl-C to stop; runs resume)',
  )
  .requiredOption(
    '-c, --config <file>',
    'testcamp file (YAML): listen address, upload limits, runs with their tokens',
  )
  .action(async (options: { config: string }) => {
    process.exitCode = await (await import('./commands/testcamp.ts')).testcampCommand(options, environment);
  });

program
  .command('reference-gp')
  .description('start the reference GP system on its own (Ctrl-C to stop)')
  .option('--host <host>', 'bind address', '127.0.0.1')
  .option('--port <port>', 'port', '8080')
  .option('--fault <name...>', 'enable named faults', [])
  .option('--list-faults', 'print the fault catalogue and exit')
  .action(async (options: ReferenceGpOptions) => {
    process.exitCode = await (
      await import('./commands/reference-gp.ts')
    ).referenceGpCommand(options, environment);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
  } else if (error instanceof InvalidInputError) {
    environment.stderr.write(`certbench: ${error.message}\n`);
    process.exitCode = EXIT.invalidInput;
  } else if (error instanceof ConnectionError) {
    environment.stderr.write(`certbench: connection error: ${error.message}\n`);
    process.exitCode = EXIT.connectionError;
  } else if (error instanceof HarnessError) {
    environment.stderr.write(`certbench: harness error: ${error.message}\n`);
    process.exitCode = EXIT.harnessError;
  } else {
    const e = error as Error;
    environment.stderr.write(
      `certbench: internal error (a bug in certbench ${CERTBENCH_VERSION}, please report it with this text):\n${e.stack ? typescriptStack(e.stack) : String(e)}\n`,
    );
    process.exitCode = EXIT.internalError;
  }
}
