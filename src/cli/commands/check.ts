import { readFile, writeFile } from 'node:fs/promises';
import {
  buildPlan,
  check,
  CHECK_FORMATS,
  CHECK_REPORTERS,
  closingLine,
  colorsFor,
  contextBackend,
  createTerminalReporter,
  decideConfine,
  expandInputs,
  kindBackend,
  KubedoctestError,
  loadLesson,
  simBackend,
  updateDoc,
  updatePatch,
  VERSION,
  type Backend,
  type CheckReport,
} from '../../index.js';
import { emit, existingDir, oneOf, parseCount, parseDuration, supportedK8sVersion, writableOutput } from '../output.js';
import { emptyReport, finishSite, selectPages, type SiteOptions } from '../site-check.js';

const BACKENDS = ['sim', 'kind', 'context'] as const;

/** The site options (`--changed`, `--shard`, `--baseline`, …) are declared once, in site-check.ts. */
export interface CheckCommandOptions extends SiteOptions {
  backend: string;
  format: string;
  output?: string;
  timeout: string;
  lessonTimeout: string;
  settle: string;
  realtime?: boolean;
  jobs: string;
  failFast?: boolean;
  grep?: string;
  fromLine?: string;
  toLine?: string;
  keep?: boolean;
  confine?: boolean;
  ci?: boolean;
  k8sVersion?: string;
  examplesDir?: string;
  filesDir?: string;
  kindImage?: string;
  kindConfig?: string;
  keepCluster?: boolean;
  reuseCluster?: string;
  context?: string;
  allowContext?: string;
  allowClusterScoped?: boolean;
  loadBalancer?: boolean;
  metricsServer?: boolean;
  verbose?: boolean;
  update?: boolean;
  dryRun?: boolean;
}

/** The composition root: the only place that knows concrete backends. */
export function backendFactory(name: string, o: CheckCommandOptions): () => Backend {
  if (o.k8sVersion) supportedK8sVersion(o.k8sVersion);
  switch (oneOf(name, BACKENDS, '--backend')) {
    case 'sim':
      return () =>
        simBackend({ loadBalancer: Boolean(o.loadBalancer), metricsServer: Boolean(o.metricsServer), ...(o.k8sVersion ? { version: o.k8sVersion } : {}) });
    case 'kind':
      return () =>
        kindBackend({
          ...(o.kindImage ? { image: o.kindImage } : {}),
          ...(o.kindConfig ? { config: o.kindConfig } : {}),
          keepCluster: Boolean(o.keepCluster),
          ...(o.reuseCluster ? { reuseCluster: o.reuseCluster, allowClusterScoped: Boolean(o.allowClusterScoped) } : {}),
        });
    case 'context':
      if (!o.context) throw new KubedoctestError('ERR_INVALID_OPTION', '--backend context needs --context <name>');
      return () =>
        contextBackend({
          context: o.context!,
          ...(o.allowContext ? { allowContext: o.allowContext } : {}),
          allowClusterScoped: Boolean(o.allowClusterScoped),
        });
  }
}

/** `kubedoctest check <files…>`: run lessons, match outputs, report. */
export async function checkCommand(inputs: string[], o: CheckCommandOptions): Promise<number> {
  const format = oneOf(o.format, CHECK_FORMATS, '--format');
  backendFactory(o.backend, o); // validates --backend and its options before any work
  if (o.output) writableOutput(o.output);
  if (o.examplesDir) existingDir(o.examplesDir, '--examples-dir');
  const site = await selectPages(await expandInputs(inputs), o);
  const paths = site.run;
  const confinement = await decideConfine(o.confine, Boolean(o.ci) || process.env.CI === 'true');
  if (confinement.notice) process.stderr.write(`kubedoctest: ${confinement.notice}\n`);
  const streaming = format === 'text' && !o.output;
  const reporters = streaming
    ? [createTerminalReporter(process.stdout, { colors: colorsFor(process.stdout), verbose: o.verbose, progress: true })]
    : [createTerminalReporter(process.stderr, { colors: colorsFor(process.stderr), verbose: false, progress: true })];
  const ran =
    paths.length === 0
      ? emptyReport()
      : await check(paths, {
          backend: o.backend,
          createBackend: (name) => backendFactory(name, o)(),
          log: (message) => process.stderr.write(`${message}\n`),
          reporters,
          stepTimeoutMs: parseDuration(o.timeout, '--timeout'),
          lessonTimeoutMs: parseDuration(o.lessonTimeout, '--lesson-timeout'),
          settleMs: parseDuration(o.settle, '--settle'),
          realtime: Boolean(o.realtime),
          jobs: parseCount(o.jobs, '--jobs'),
          failFast: Boolean(o.failFast),
          keep: Boolean(o.keep),
          confine: confinement.confine,
          ...(o.k8sVersion ? { k8sVersion: o.k8sVersion } : {}),
          ...(o.grep ? { grep: o.grep } : {}),
          ...(o.fromLine ? { fromLine: parseCount(o.fromLine, '--from-line') } : {}),
          ...(o.toLine ? { toLine: parseCount(o.toLine, '--to-line') } : {}),
          ...(o.examplesDir ? { examplesDir: o.examplesDir } : {}),
          ...(o.filesDir ? { filesDir: existingDir(o.filesDir, '--files-dir') } : {}),
        });
  const { report, code } = await finishSite(ran, site, o);
  // The terminal reporter counted only the pages that ran.
  if (streaming && site.cached.length) process.stdout.write(`${site.cached.length} from the cache; all pages: ${closingLine(report.summary)}\n`);
  if (!streaming) {
    const text = await CHECK_REPORTERS[format](report, { colors: colorsFor({}), verbose: Boolean(o.verbose), toolVersion: VERSION });
    await emit(text, o.output);
  }
  if (o.update) await updateDocs(report, Boolean(o.dryRun), o.examplesDir);
  return code;
}

/** `--update`: rewrite failed steps' expected output in place; with `--dry-run`, print the patch instead. */
async function updateDocs(report: CheckReport, dryRun: boolean, examplesDir: string | undefined): Promise<void> {
  for (const lesson of report.lessons) {
    const source = await readFile(lesson.path, 'utf8');
    const plan = buildPlan(await loadLesson(lesson.path, examplesDir ? { examplesDir } : {}));
    const { text, changes } = updateDoc(source, plan, lesson);
    if (changes.length === 0) continue;
    if (dryRun) process.stdout.write(updatePatch(lesson.path, source, text));
    else {
      await writeFile(lesson.path, text);
      process.stderr.write(`updated ${changes.length} output block${changes.length === 1 ? '' : 's'} in ${lesson.path}\n`);
    }
  }
}
