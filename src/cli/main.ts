import { Command, CommanderError, Option } from 'commander';
import { CHECK_FORMATS, KubedoctestError, isKubedoctestError, LINT_FORMATS, RUN_DEFAULTS, VERSION } from '../index.js';
import { checkCommand } from './commands/check.js';
import { doctorCommand } from './commands/doctor.js';
import { DRIFT_FORMATS, driftCommand } from './commands/drift.js';
import { MERGE_FORMATS, mergeCommand } from './commands/merge.js';
import { lintCommand } from './commands/lint.js';
import { planCommand } from './commands/plan.js';
import { simStartCommand } from './commands/sim.js';
import { walkCommand } from './commands/walk.js';
import { formatDuration } from './output.js';

/** The options that pick and shape a backend, shared by `check` and `walk`. */
function withBackendOptions(command: Command): Command {
  return command
    .addOption(new Option('--backend <name>', 'sim, kind or context').default('sim'))
    .option('--k8s-version <minor>', 'Kubernetes version to simulate or create, e.g. 1.30')
    .option('--examples-dir <dir>', 'where {{% code_sample %}} and k8s.io/examples files are found')
    .option(
      '--files-dir <dir>',
      "local copies of files the doc links to but does not show (a linked repo's Makefile, default.conf); without it, steps needing them are skipped",
    )
    .option('--load-balancer', 'simulator: give LoadBalancer services an external IP')
    .option('--metrics-server', 'simulator: metrics-server already enabled (kubectl top, HPA) before the page installs it')
    .option('--context <name>', 'kubeconfig context for --backend context')
    .option('--allow-context <name>', 'allow a context that does not look disposable');
}

/** The time options of `check` and `walk`, with the runner's own defaults. */
function withTimeOptions(command: Command): Command {
  return command
    .option('--timeout <duration>', 'per-step timeout, e.g. 60s', formatDuration(RUN_DEFAULTS.stepTimeoutMs))
    .option('--lesson-timeout <duration>', 'time limit for a whole lesson', formatDuration(RUN_DEFAULTS.lessonTimeoutMs))
    .option('--settle <duration>', 'how long read-only steps are retried until they match', formatDuration(RUN_DEFAULTS.settleMs))
    .option('--realtime', 'let waits (retries, kubectl wait, watches) take real time, as for a reader (the simulator otherwise passes that time at once)');
}

/** Builds the command tree; each action stores its exit code. */
function program(setCode: (code: number) => void): Command {
  const run =
    <A extends unknown[]>(fn: (...args: A) => Promise<number>) =>
    async (...args: A) =>
      setCode(await fn(...args));
  const root = new Command('kubedoctest')
    .description('Run the steps of a Kubernetes tutorial against a cluster and report where the doc differs from reality.')
    .version(VERSION, '--version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  withTimeOptions(withBackendOptions(root.command('check')))
    .description('run each lesson against a fresh backend and report mismatches (exit 0 all passed, 1 a step failed, 2 tool error)')
    .argument('<files...>', 'Markdown files, directories or globs')
    .addOption(new Option('--format <format>', `report format: ${CHECK_FORMATS.join(', ')}`).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--jobs <n>', 'lessons run in parallel, each with its own backend', '1')
    .option('--fail-fast', 'stop after the first failed step')
    .option('--grep <text>', 'only report steps whose command contains text')
    .option('--from-line <n>', 'only report steps from this doc line on')
    .option('--to-line <n>', 'only report steps up to this doc line')
    .option('--keep', 'keep the sandbox and backend temp dirs and say where')
    .option('--confine', 'require confinement under bubblewrap (the default where bubblewrap works; see docs/security.md)')
    .option('--no-confine', 'run host-side lines unconfined, as your user')
    .option('--ci', 'CI mode (also CI=true): refuse to run unconfined unless --no-confine is given')
    .option('--kind-image <image>', 'node image for --backend kind')
    .option('--kind-config <file>', 'kind cluster config for --backend kind')
    .option('--keep-cluster', 'do not delete the kind cluster at the end')
    .option('--reuse-cluster <name>', 'run each lesson on this existing kind cluster, in a fresh namespace')
    .option('--allow-cluster-scoped', 'allow steps that touch cluster-scoped objects (context backend)')
    .option('-v, --verbose', 'show details for passing steps and diagnostics for failed ones')
    .option('--update', "rewrite failed steps' expected output in the doc with the actual output (volatile parts kept as the doc has them)")
    .option('--dry-run', 'with --update: print the patch instead of writing')
    .option('--changed <git-ref>', 'only pages changed since the ref, or including a changed file (examples, readfile); prints why each was picked')
    .option('--shard <k/n>', 'run part k of n of the pages, split by expected cost (same split on every runner)')
    .option('--timings <report.json>', 'with --shard: page durations from an earlier JSON report, for a better balance')
    .option('--cache-dir <dir>', 'reuse passing results whose page, includes, tool, backend and Kubernetes version are unchanged')
    .option('--baseline <file>', 'known failures: exit 1 only for failures not listed; report listed ones that now pass')
    .option('--write-baseline <file>', "write the run's failures as the baseline (other pages' entries in the file are kept)")
    .action(run(checkCommand));

  root
    .command('lint')
    .description('static checks of tutorials, no cluster needed (exit 1 when an error is found)')
    .argument('<files...>', 'Markdown files, directories or globs')
    .addOption(new Option('--format <format>', `report format: ${LINT_FORMATS.join(', ')}`).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fix', 'apply mechanical fixes (dashes, quotes, prompts shown as commands) in place')
    .option('--examples-dir <dir>', 'where {{% code_sample %}} and k8s.io/examples files are found')
    .action(run(lintCommand));

  root
    .command('plan')
    .description('print the lesson plan: the steps, their doc lines and the output each claims')
    .argument('<file>', 'a Markdown file')
    .addOption(new Option('--format <format>', 'json or text').default('json'))
    .option('-o, --output <file>', 'write the plan to a file instead of stdout')
    .option('--examples-dir <dir>', 'where {{% code_sample %}} and k8s.io/examples files are found')
    .action(run(planCommand));

  const sim = root.command('sim').description('the simulated cluster');
  sim
    .command('start')
    .description('run the simulated cluster in the foreground and print the KUBECONFIG to use with kubectl')
    .option('--port <port>', 'port on 127.0.0.1 (default: a free one)')
    .option('--kubeconfig <file>', 'also write the kubeconfig here (a new file; see --force)')
    .option('--force', 'let --kubeconfig replace an existing file')
    .option('--k8s-version <minor>', 'Kubernetes version to report, e.g. 1.30', '1.32')
    .option('--nodes <n>', 'number of nodes', '1')
    .option('--load-balancer', 'give LoadBalancer services an external IP')
    .option('--metrics-server', 'serve the metrics API (kubectl top, HPA) from the start')
    .action(run(simStartCommand));

  withTimeOptions(withBackendOptions(root.command('walk')))
    .description('walk through a lesson step by step on a fresh backend: Enter runs, e edits, s skips, q quits')
    .argument('<file>', 'a Markdown file')
    .option('--auto', 'run every step without waiting for a key')
    .option('--pause <duration>', 'with --auto: pause before each step', '500ms')
    .action(run(walkCommand));

  root
    .command('merge')
    .description('merge JSON reports of check shards into one report (exit as check would for the whole run)')
    .argument('<reports...>', 'JSON reports written by check --format json')
    .addOption(new Option('--format <format>', `report format: ${MERGE_FORMATS.join(', ')}`).default('json'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .action(run(mergeCommand));

  root
    .command('drift')
    .description(
      'compare translated pages (content/<lang>/docs) with their English source: commands, manifests and outputs that differ (no cluster; exit 1 when any differ)',
    )
    .argument('<site-root>', 'the Hugo site root, holding content/en/docs')
    .option('--since <git-ref>', 'only English changes since the ref and newer than the translation')
    .addOption(new Option('--format <format>', `report format: ${DRIFT_FORMATS.join(', ')}`).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .action(run(driftCommand));

  root.command('doctor').description('check what is installed and which backends will work').action(run(doctorCommand));
  return root;
}

/** Runs the CLI with these arguments; returns the exit code (0, 1 findings, 2 tool error). */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const cli = program((c) => (code = c));
  try {
    if (argv.length === 0) {
      cli.outputHelp();
      return 2;
    }
    await cli.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      process.stderr.write('kubedoctest: ERR_INVALID_OPTION: see kubedoctest --help\n');
      return 2;
    }
    if (isKubedoctestError(error)) {
      process.stderr.write(`kubedoctest: ${(error as KubedoctestError).toLine()}\n`);
      return 2;
    }
    throw error;
  }
}
