// Help texts shown after the options (`certbench <command> --help`): examples, exit codes, environment variables.
import { EXIT } from '../errors/exit-codes.ts';

export const EXIT_CODES = `Exit codes:
  ${EXIT.ok}  no blocking failure (every protocol Godkendt or Delvist godkendt)
  ${EXIT.blockingFailure}  a blocking failure: some protocol is Ikke godkendt
  ${EXIT.pendingUnderStrict}  --strict and checkpoints are still pending
  ${EXIT.invalidInput}  invalid input: profile, waivers, plan, feature file or command line
  ${EXIT.harnessError}  harness error: the run is not valid (certbench's fault, not the SUT's)
  ${EXIT.internalError}  internal error (a bug in certbench)
  ${EXIT.connectionError}  connection error: the SUT cannot be tested from here (URL, token, counterparts)`;

export const ENVIRONMENT = `Environment variables:
  CERTBENCH_SUT_TOKEN             the SUT's bearer token, as the example profile names it (automation.auth.tokenEnv)
  CERTBENCH_REFERENCE_GP_TOKEN    the reference GP's token (generated per run when unset)
  CERTBENCH_FHIR_PACKAGES         FHIR package cache for profile validation
  CERTBENCH_DEBUG                 set to anything: debug logging on stderr`;

export const CHECK_HELP = `
Examples:
  $ CERTBENCH_SUT_TOKEN=... certbench check --profile examples/vendor-profile.yaml
  $ certbench check -p my-sut.yaml --sut-url https://sut.test.example:8443

${EXIT_CODES}

${ENVIRONMENT}
`;

export const RUN_HELP = `
Examples:
  $ certbench run --reference-gp                                   every protocol against the reference GP
  $ CERTBENCH_SUT_TOKEN=... certbench run -p my-sut.yaml --out reports/run
  $ certbench run -p my-sut.yaml --protocol diagnosekort --tags "@usecase:S1-1 and not @cp:DK-3.3.1.1"
  $ certbench run -p my-sut.yaml --checkpoint DK-3.3.1.2 DK-3.3.1.3
  $ certbench run -p my-sut.yaml features/diagnosekort/01-s1-1-one-diagnosis.feature:12
  $ certbench run -p my-sut.yaml --plan examples/test-plan.yaml --waivers examples/waivers.yaml --dry-run
  $ certbench run -p my-sut.yaml --rerun reports/run --out reports/rerun

A selection (--tags, --checkpoint, --name, feature files) narrows the protocols of the run; the checkpoints it
leaves out are pending ("not selected"): a partial run is at most Delvist godkendt, and --strict exits 2. Not supported: --retry (a
checkpoint is judged once; rerun what failed with --rerun) and --parallel (protocols share one counterpart host and
one SUT session, so verdicts could differ from a serial run).

${EXIT_CODES}

${ENVIRONMENT}
`;
