import { createApi } from '../../../src/backends/sim/api/index.js';
import { bootstrap } from '../../../src/backends/sim/api/bootstrap.js';
import { createStore } from '../../../src/backends/sim/store/index.js';
import { ManualClock, seededIds, type Clock } from '../../../src/backends/sim/clock.js';
import { Vfs } from '../../../src/backends/sim/runtime/fs/vfs.js';
import { imageTree } from '../../../src/backends/sim/runtime/fs/rootfs.js';
import { profileFor } from '../../../src/backends/sim/runtime/images/index.js';
import { command } from '../../../src/backends/sim/runtime/commands/index.js';
import { Shell } from '../../../src/backends/sim/runtime/shell/interp.js';
import { Input, type Host } from '../../../src/backends/sim/runtime/shell/types.js';
import type { Network } from '../../../src/backends/sim/runtime/net/types.js';

export const noNetwork: Network = {
  namespace: 'default',
  nameserver: '10.96.0.10',
  resolve: () => undefined,
  reverse: () => undefined,
  connect: () => 'timeout',
};

/** A container host for an image, with a fresh vfs and a manual clock. */
export function testHost(image = 'busybox:1.36', net: Network = noNetwork): Host {
  const clock = new ManualClock('2024-01-01T00:00:00Z');
  const vfs = new Vfs(() => clock.now());
  const profile = profileFor(image);
  imageTree(vfs, profile, { host: 'test-pod' });
  vfs.writeFile('/etc/hostname', 'test-pod\n');
  return { vfs, profile, image, hostname: 'test-pod', ip: '10.244.0.5', clock, speed: 1000, sleepCapMs: 50, net, signal: new AbortController().signal };
}

/** Runs a script with `sh -c` semantics in a container of `image`. */
export async function runSh(
  script: string,
  opts: { image?: string; host?: Host; stdin?: string; kind?: 'ash' | 'dash' | 'bash'; env?: Record<string, string> } = {},
) {
  const host = opts.host ?? testHost(opts.image);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const kind = opts.kind ?? (host.profile.shell === 'none' ? 'ash' : host.profile.shell);
  const sh = new Shell({
    host,
    kind,
    name: kind === 'bash' ? 'bash' : 'sh',
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', HOSTNAME: 'test-pod', ...opts.env },
    cwd: '/',
    commands: command,
  });
  const code = await sh.run(script, {
    stdin: new Input(Buffer.from(opts.stdin ?? '')),
    out: (c) => void out.push(Buffer.from(c)),
    err: (c) => void err.push(Buffer.from(c)),
  });
  return { stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), code, host };
}

/** A bootstrapped simulated API on one kind-like node, as the runtime tests start it (`ca`: the cluster CA bundle). */
export function bootedApi(clock: Clock, seed: number, ca = ''): ReturnType<typeof createApi> {
  const api = createApi({
    store: createStore(),
    ctx: {
      clock,
      ids: seededIds(seed),
      speed: 1000,
      version: { major: '1', minor: '32', gitVersion: 'v1.32.4' },
      nodes: ['kind-control-plane'],
      loadBalancer: false,
    },
  });
  bootstrap(api, ca);
  return api;
}
