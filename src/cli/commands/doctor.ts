import { execa } from 'execa';
import { colorsFor } from '../../index.js';

/** One environment check: what was found and what it enables. */
export interface DoctorCheck {
  name: string;
  ok: boolean;
  /** Required checks make doctor exit 1 when they fail. */
  required: boolean;
  detail: string;
  /** What to do when it is missing. */
  advice?: string;
}

async function probe(file: string, args: string[]): Promise<{ ok: boolean; out: string }> {
  try {
    const r = await execa(file, args, { timeout: 10_000, reject: false, stdin: 'ignore' });
    return { ok: r.exitCode === 0, out: `${r.stdout}\n${r.stderr}`.trim() };
  } catch (e) {
    return { ok: false, out: (e as Error).message };
  }
}

/** Runs every check (in parallel); no check needs a cluster. */
export async function runDoctorChecks(): Promise<DoctorCheck[]> {
  const major = Number(process.versions.node.split('.')[0]);
  const [kubectl, kind, docker, bwrap, chromium] = await Promise.all([
    probe('kubectl', ['version', '--client', '-o', 'json']),
    probe('kind', ['version']),
    probe('docker', ['info', '--format', '{{.ServerVersion}}']),
    probe('bwrap', ['--version']),
    probe('chromium', ['--version']),
  ]);
  let kubectlVersion = '';
  try {
    kubectlVersion = (JSON.parse(kubectl.out) as { clientVersion?: { gitVersion?: string } }).clientVersion?.gitVersion ?? '';
  } catch {
    /* not JSON: kubectl missing or too old for -o json */
  }
  const kubectlMinor = Number(/^v1\.(\d+)/.exec(kubectlVersion)?.[1] ?? NaN);
  const skew = Number.isFinite(kubectlMinor) ? Math.abs(kubectlMinor - 32) : 0;
  return [
    { name: 'node', ok: major >= 20, required: true, detail: `Node.js ${process.versions.node}`, advice: 'install Node.js 20 or newer' },
    {
      name: 'kubectl',
      ok: kubectl.ok,
      required: true,
      detail: kubectl.ok
        ? `kubectl ${kubectlVersion}${skew > 1 ? ` (more than one minor version from the simulator's v1.32: use --k8s-version 1.${kubectlMinor})` : ''}`
        : 'kubectl not found on PATH',
      advice: 'install kubectl (https://kubernetes.io/docs/tasks/tools/) and put it on PATH',
    },
    {
      name: 'kind backend',
      ok: kind.ok && docker.ok,
      required: false,
      detail: !kind.ok ? 'kind not found on PATH' : !docker.ok ? 'docker daemon not reachable' : `kind and docker ${docker.out.split('\n')[0]}`,
      advice: '--backend kind needs kind and a running Docker engine; --backend sim needs neither',
    },
    {
      name: 'confinement',
      ok: bwrap.ok,
      required: false,
      detail: bwrap.ok ? bwrap.out.split('\n')[0]! : 'bubblewrap (bwrap) not found',
      advice: '--confine needs bubblewrap (Debian/Ubuntu: apt-get install bubblewrap)',
    },
    {
      name: 'chromium',
      ok: chromium.ok,
      required: false,
      detail: chromium.ok ? chromium.out.split('\n')[0]! : 'chromium not found',
      advice: 'only the HTML report tests need it (Debian: apt-get install chromium)',
    },
  ];
}

/** `kubedoctest doctor`: says what is present, what will work and what to install. Exit 1 when a required tool is missing. */
export async function doctorCommand(): Promise<number> {
  const c = colorsFor(process.stdout);
  const checks = await runDoctorChecks();
  for (const k of checks) {
    const mark = k.ok ? c.green('✓') : k.required ? c.red('✗') : c.yellow('-');
    process.stdout.write(`${mark} ${k.name.padEnd(13)} ${k.detail}\n`);
    if (!k.ok && k.advice) process.stdout.write(`  ${c.dim(k.advice)}\n`);
  }
  const missing = checks.filter((k) => k.required && !k.ok);
  process.stdout.write(
    missing.length === 0
      ? `kubedoctest check works with --backend sim${checks[2]!.ok ? ' and --backend kind' : ''}.\n`
      : `missing: ${missing.map((k) => k.name).join(', ')}\n`,
  );
  return missing.length === 0 ? 0 : 1;
}
