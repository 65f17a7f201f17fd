import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { KubedoctestError } from '../../diag/errors.js';
import type { Backend, BackendSession, BackendStartOptions, ExecResult } from '../backend.js';
import { killGroup, randomSuffix, runTool } from '../exec-tool.js';
import { isolatedSession } from '../isolated-session.js';

export interface KindBackendOptions {
  /** Node image (`kindest/node:v1.30.0`) for a version matrix. */
  image?: string;
  /** kind cluster config file (port mappings, extra nodes). */
  config?: string;
  /** Keep the cluster after the run (`--keep-cluster`). */
  keepCluster?: boolean;
  /** `kind create cluster --wait`, in seconds. */
  waitSeconds?: number;
  /** Upper bound for cluster creation. */
  createTimeoutMs?: number;
  /** Run each lesson on this existing kind cluster, in a fresh namespace (`--reuse-cluster`). */
  reuseCluster?: string;
  /** With reuseCluster: let steps touch cluster-scoped objects and other namespaces. */
  allowClusterScoped?: boolean;
  /** Binaries, overridable for tests with fakes. */
  kindBin?: string;
  dockerBin?: string;
  /** cloud-provider-kind, started for the cluster's lifetime when it is on PATH (LoadBalancer IPs). */
  cloudProviderBin?: string;
}

const KIND_HINT = 'install kind (https://kind.sigs.k8s.io) or use --backend sim';
const DOCKER_HINT = 'install Docker, or use --backend sim, which needs neither';

/** Checks that kind and a reachable Docker daemon are there; throws ERR_KIND_NOT_FOUND / ERR_DOCKER_* otherwise. */
export async function kindPreflight(o: KindBackendOptions, signal?: AbortSignal): Promise<void> {
  const kind = o.kindBin ?? 'kind';
  const docker = o.dockerBin ?? 'docker';
  await runTool(kind, ['version'], { timeoutMs: 15_000, missingCode: 'ERR_KIND_NOT_FOUND', hint: KIND_HINT, ...(signal ? { signal } : {}) });
  const info = await runTool(docker, ['info', '--format', '{{.ServerVersion}}'], {
    timeoutMs: 15_000,
    missingCode: 'ERR_DOCKER_NOT_FOUND',
    hint: DOCKER_HINT,
    ...(signal ? { signal } : {}),
  });
  if (info.exitCode !== 0)
    throw new KubedoctestError('ERR_DOCKER_DOWN', `the Docker daemon is not reachable: ${firstLine(info.stderr || info.stdout)}`, {
      hint: 'start Docker (or use --backend sim)',
    });
}

const firstLine = (s: string) => s.trim().split('\n')[0] ?? '';

/**
 * An ephemeral kind cluster per lesson: `kubedoctest-<random>`, its kubeconfig in the run's temp dir,
 * deleted at the end (also when creation fails, times out or is aborted) unless keepCluster.
 */
export function kindBackend(options: KindBackendOptions = {}): Backend {
  const kind = options.kindBin ?? 'kind';
  const docker = options.dockerBin ?? 'docker';
  return {
    name: 'kind',
    async start(start: BackendStartOptions): Promise<BackendSession> {
      await kindPreflight(options, start.signal);
      if (options.reuseCluster) return reuseSession(options, start, kind, docker);
      const name = `kubedoctest-${randomSuffix(6)}`;
      const kubeconfigPath = join(start.workDir, 'kubeconfig');
      const args = ['create', 'cluster', '--name', name, '--kubeconfig', kubeconfigPath, '--wait', `${options.waitSeconds ?? 120}s`];
      if (options.image) args.push('--image', options.image);
      else if (start.k8sVersion) args.push('--image', `kindest/node:v${start.k8sVersion}.0`);
      if (options.config) args.push('--config', options.config);
      start.log?.(`creating kind cluster ${name}`);
      const deleteCluster = async () => {
        await runTool(kind, ['delete', 'cluster', '--name', name, '--kubeconfig', kubeconfigPath], {
          timeoutMs: 120_000,
          missingCode: 'ERR_KIND_NOT_FOUND',
          hint: KIND_HINT,
        });
      };
      const created = await runTool(kind, args, {
        timeoutMs: options.createTimeoutMs ?? 600_000,
        missingCode: 'ERR_KIND_NOT_FOUND',
        hint: KIND_HINT,
        ...(start.signal ? { signal: start.signal } : {}),
      }).catch(async (error: unknown) => {
        await deleteCluster().catch(() => undefined);
        throw error;
      });
      if (created.exitCode !== 0 || created.aborted || created.timedOut) {
        await deleteCluster().catch(() => undefined);
        const why = created.timedOut ? 'timed out' : created.aborted ? 'was interrupted' : `failed: ${firstLine(created.stderr)}`;
        throw new KubedoctestError(created.aborted ? 'ERR_INTERRUPTED' : 'ERR_BACKEND_START', `kind create cluster ${name} ${why}`, {
          hint: 'run `kubedoctest doctor`; check that Docker has enough resources',
        });
      }
      let stopped = false;
      const lb = startCloudProvider(options.cloudProviderBin ?? 'cloud-provider-kind', start.log);
      return {
        name: 'kind',
        kubeconfigPath,
        env: {},
        namespace: 'default',
        capabilities: { nodeShell: true, loadBalancer: lb !== undefined, nodeExternalIPs: false, portForward: true, namespaceIsolation: false },
        nodeExec: nodeShell(docker, `${name}-control-plane`),
        async stop(): Promise<void> {
          if (stopped) return;
          stopped = true;
          lb?.stop();
          if (options.keepCluster) {
            start.log?.(`kept kind cluster ${name} (kubeconfig ${kubeconfigPath})`);
            return;
          }
          start.log?.(`deleting kind cluster ${name}`);
          await deleteCluster();
        },
      };
    },
  };
}

/** `node $ …` steps through `docker exec <node> sh -c …`. */
function nodeShell(docker: string, defaultNode: string) {
  return async (command: string, o: { timeoutMs: number; node?: string }): Promise<ExecResult> => {
    const r = await runTool(docker, ['exec', o.node ?? defaultNode, 'sh', '-c', command], {
      timeoutMs: o.timeoutMs,
      missingCode: 'ERR_DOCKER_NOT_FOUND',
      hint: DOCKER_HINT,
    });
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
  };
}

/** A lesson on an existing kind cluster: its kubeconfig from kind, a fresh namespace, nothing created or deleted. */
async function reuseSession(options: KindBackendOptions, start: BackendStartOptions, kind: string, docker: string): Promise<BackendSession> {
  const name = options.reuseCluster!;
  const got = await runTool(kind, ['get', 'kubeconfig', '--name', name], { timeoutMs: 30_000, missingCode: 'ERR_KIND_NOT_FOUND', hint: KIND_HINT });
  if (got.exitCode !== 0)
    throw new KubedoctestError('ERR_BACKEND_START', `kind cluster ${name} is not there: ${firstLine(got.stderr)}`, {
      hint: 'list clusters with `kind get clusters`',
    });
  const file = join(start.workDir, 'cluster.kubeconfig');
  await writeFile(file, got.stdout, { mode: 0o600 });
  const session = await isolatedSession(start, {
    context: `kind-${name}`,
    env: { ...(process.env as Record<string, string>), KUBECONFIG: file },
    allowClusterScoped: Boolean(options.allowClusterScoped),
    kubectlBin: 'kubectl',
    name: 'kind',
    capabilities: { nodeShell: true, nodeExternalIPs: false },
  });
  return { ...session, nodeExec: nodeShell(docker, `${name}-control-plane`) };
}

/** Starts cloud-provider-kind in its own process group when it is on PATH; undefined otherwise. */
function startCloudProvider(bin: string, log?: (m: string) => void): { stop(): void } | undefined {
  const path = bin.includes('/')
    ? bin
    : (process.env.PATH ?? '')
        .split(delimiter)
        .map((d) => join(d, bin))
        .find((p) => existsSync(p));
  if (!path || !existsSync(path)) return undefined;
  const child = spawn(path, [], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  log?.(`started ${bin} for LoadBalancer services`);
  return { stop: () => killGroup(child.pid, 'SIGTERM') };
}
