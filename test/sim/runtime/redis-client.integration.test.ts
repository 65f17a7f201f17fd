import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimHandle, startSim } from '../../../src/backends/sim/index.js';

let sim: SimHandle;
let home: string;

const env = () => ({ KUBECONFIG: sim.kubeconfigPath, HOME: home });
const kubectl = async (args: string[]) => {
  const r = await execa('kubectl', args, { env: env(), reject: false, timeout: 60_000 });
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};
/** `kubectl exec -it …` as a reader types it: under a pseudo-terminal. */
const onTerminal = async (args: string[]) => {
  const r = await execa('script', ['-qec', ['kubectl', ...args].join(' '), '/dev/null'], { env: env(), reject: false, timeout: 60_000 });
  return r.stdout.replace(/\r\n/g, '\n');
};

// A redis started with its config file as the only argument (no command): the image's
// docker-entrypoint.sh runs `redis-server <file>` for a first argument ending in `.conf`.
const manifests = `apiVersion: v1
kind: ConfigMap
metadata: { name: cache-config }
data:
  cache.conf: |
    maxmemory 3mb
    maxmemory-policy volatile-lru
---
apiVersion: v1
kind: Pod
metadata: { name: cache }
spec:
  containers:
  - name: redis
    image: redis:7.2
    args: [/etc/cache/cache.conf]
    volumeMounts: [{ name: config, mountPath: /etc/cache }]
  volumes:
  - name: config
    configMap: { name: cache-config }
`;

describe('redis started with a config file, and redis-cli on a terminal and piped', () => {
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'kdt-redis-'));
    sim = await startSim({ speed: 4 });
    await writeFile(join(home, 'cache.yaml'), manifests);
    expect((await kubectl(['apply', '-f', join(home, 'cache.yaml')])).code).toBe(0);
    const wait = await kubectl(['wait', '--for=condition=Ready', 'pod/cache', '--timeout=30s']);
    expect(wait.code, wait.err).toBe(0);
  });
  afterAll(async () => {
    await sim?.stop();
    await rm(home, { recursive: true, force: true });
  });

  it('serves with the settings of the file its argument names', async () => {
    expect(await kubectl(['exec', 'cache', '--', 'redis-cli', 'CONFIG', 'GET', 'maxmemory'])).toMatchObject({ out: 'maxmemory\n3145728', code: 0 });
  });

  it('formats replies for a terminal: numbered quoted arrays, (integer), (nil), a status as is', async () => {
    expect(await onTerminal(['exec', '-it', 'cache', '--', 'redis-cli', 'CONFIG', 'GET', 'maxmemory-policy'])).toBe('1) "maxmemory-policy"\n2) "volatile-lru"');
    expect(await onTerminal(['exec', '-it', 'cache', '--', 'redis-cli', 'SET', 'greeting', 'hello'])).toBe('OK');
    expect(await onTerminal(['exec', '-it', 'cache', '--', 'redis-cli', 'GET', 'greeting'])).toBe('"hello"');
    expect(await onTerminal(['exec', '-it', 'cache', '--', 'redis-cli', 'GET', 'missing'])).toBe('(nil)');
    expect(await onTerminal(['exec', '-it', 'cache', '--', 'redis-cli', 'DBSIZE'])).toBe('(integer) 1');
  });

  it('prints the same replies raw when piped', async () => {
    expect((await kubectl(['exec', 'cache', '--', 'redis-cli', 'GET', 'greeting'])).out).toBe('hello');
    expect((await kubectl(['exec', 'cache', '--', 'redis-cli', 'DBSIZE'])).out).toBe('1');
  });

  it('keeps lists: RPUSH/LPUSH answer the length, LRANGE the items in order, a list is the wrong type for GET', async () => {
    expect(await onTerminal(['exec', '-it', 'cache', '--', 'redis-cli', 'RPUSH', 'jobs', 'apple', 'banana'])).toBe('(integer) 2');
    expect(await onTerminal(['exec', '-it', 'cache', '--', 'redis-cli', 'lpush', 'jobs', 'cherry'])).toBe('(integer) 3');
    expect(await onTerminal(['exec', '-it', 'cache', '--', 'redis-cli', 'LRANGE', 'jobs', '0', '-1'])).toBe('1) "cherry"\n2) "apple"\n3) "banana"');
    expect((await kubectl(['exec', 'cache', '--', 'redis-cli', 'LPOP', 'jobs'])).out).toBe('cherry');
    expect((await kubectl(['exec', 'cache', '--', 'redis-cli', 'LLEN', 'jobs'])).out).toBe('2');
    expect(await onTerminal(['exec', '-it', 'cache', '--', 'redis-cli', 'GET', 'jobs'])).toBe(
      '(error) WRONGTYPE Operation against a key holding the wrong kind of value',
    );
  });
});
