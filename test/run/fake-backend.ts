/**
 * A fake backend for the runner's own tests: its kubeconfig points nowhere and it puts a fake
 * `kubectl` first on PATH that answers from a small table and logs every call.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend, BackendCapabilities, BackendSession, ExecResult } from '../../src/backends/backend.js';
import type { Binding, MatchInput, MatchResult } from '../../src/match/types.js';
import type { Matcher } from '../../src/run/options.js';

/** One table entry: argv joined by spaces, exactly or as a regex (`/…/`); the nth call gets responses[n] (the last repeats). */
export interface FakeEntry {
  args: string;
  responses: Array<{ stdout?: string; stderr?: string; exitCode?: number; sleepMs?: number; holdMs?: number }>;
}

const SCRIPT = `#!/usr/bin/env node
const fs = require('node:fs');
const path = require('node:path');
const dir = process.env.KDT_FAKE_DIR;
const args = process.argv.slice(2).join(' ');
fs.appendFileSync(path.join(dir, 'calls.log'), JSON.stringify({ args, kubeconfig: process.env.KUBECONFIG, home: process.env.HOME }) + '\\n');
const table = JSON.parse(fs.readFileSync(path.join(dir, 'table.json'), 'utf8'));
const countsFile = path.join(dir, 'counts.json');
const counts = fs.existsSync(countsFile) ? JSON.parse(fs.readFileSync(countsFile, 'utf8')) : {};
const i = table.findIndex((e) => e.args.startsWith('/') ? new RegExp(e.args.slice(1, -1)).test(args) : e.args === args);
if (i < 0) { process.stderr.write('fake kubectl: no answer for: ' + args + '\\n'); process.exit(1); }
const n = counts[i] ?? 0;
counts[i] = n + 1;
fs.writeFileSync(countsFile, JSON.stringify(counts));
const r = table[i].responses[Math.min(n, table[i].responses.length - 1)];
const done = () => { process.stdout.write(r.stdout ?? ''); process.stderr.write(r.stderr ?? ''); process.exit(r.exitCode ?? 0); };
if (r.holdMs) { process.stdout.write(r.stdout ?? ''); setTimeout(() => process.exit(r.exitCode ?? 0), r.holdMs); } else if (r.sleepMs) setTimeout(done, r.sleepMs); else done();
`;

/** A Backend whose kubectl is a table. */
export class FakeBackend implements Backend {
  readonly name = 'fake';
  started = 0;
  stopped = 0;
  lastWorkDir = '';

  constructor(
    private readonly stateDir: string,
    private readonly table: FakeEntry[],
    private readonly extra: {
      capabilities?: Partial<BackendCapabilities>;
      nodeExec?: (command: string) => ExecResult;
      env?: Record<string, string>;
      atRest?: (horizonMs: number) => boolean;
      passTime?: (ms: number) => Promise<void>;
      cannotCheck?: BackendSession['cannotCheck'];
      outputMayGrow?: (horizonMs: number) => boolean;
    } = {},
  ) {
    mkdirSync(join(stateDir, 'bin'), { recursive: true });
    writeFileSync(join(stateDir, 'table.json'), JSON.stringify(table));
    writeFileSync(join(stateDir, 'calls.log'), '');
    writeFileSync(join(stateDir, 'bin', 'kubectl'), SCRIPT);
    chmodSync(join(stateDir, 'bin', 'kubectl'), 0o755);
  }

  async start(options: { workDir: string }): Promise<BackendSession> {
    this.started++;
    this.lastWorkDir = options.workDir;
    const kubeconfigPath = join(options.workDir, 'kubeconfig');
    writeFileSync(kubeconfigPath, 'apiVersion: v1\nkind: Config\nclusters:\n- name: nowhere\n  cluster: {server: "https://127.0.0.1:1"}\n');
    const nodeExec = this.extra.nodeExec;
    return {
      name: 'fake',
      kubeconfigPath,
      env: { PATH: join(this.stateDir, 'bin'), KDT_FAKE_DIR: this.stateDir, ...this.extra.env },
      namespace: 'default',
      capabilities: {
        nodeShell: !!nodeExec,
        loadBalancer: false,
        nodeExternalIPs: false,
        portForward: true,
        namespaceIsolation: false,
        ...this.extra.capabilities,
      },
      ...(nodeExec ? { nodeExec: async (command: string) => nodeExec(command) } : {}),
      ...(this.extra.atRest ? { atRest: this.extra.atRest } : {}),
      ...(this.extra.passTime ? { passTime: this.extra.passTime } : {}),
      ...(this.extra.cannotCheck ? { cannotCheck: this.extra.cannotCheck } : {}),
      ...(this.extra.outputMayGrow ? { outputMayGrow: this.extra.outputMayGrow } : {}),
      stop: async () => {
        this.stopped++;
      },
    };
  }

  /** Text unique to this fake's processes (for orphan checks). */
  get processTag(): string {
    return join(this.stateDir, 'bin', 'kubectl');
  }

  /** Every kubectl call so far. */
  calls(): Array<{ args: string; kubeconfig: string; home: string }> {
    return readFileSync(join(this.stateDir, 'calls.log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  }
}

/** A plain matcher for runner tests: trailing whitespace ignored per line; `contains` mode; bindings by exact replacement. */
export const plainMatcher: Matcher = {
  matchOutput(input: MatchInput): MatchResult {
    const norm = (s: string): string =>
      s
        .split('\n')
        .map((l) => l.trimEnd())
        .join('\n')
        .trim();
    const ok = input.mode === 'contains' ? norm(input.actual).includes(norm(input.expected)) : norm(input.actual) === norm(input.expected);
    return {
      ok,
      diff: ok ? '' : `- ${norm(input.expected)}\n+ ${norm(input.actual)}`,
      differences: ok
        ? []
        : [
            {
              kind: 'wrong-value',
              message: `output differs: ${norm(input.actual)}`,
              line: input.line,
              column: input.column,
              expected: input.expected,
              actual: input.actual,
            },
          ],
      bindings: [],
    };
  },
  applyBindings(command: string, bindings: Binding[]): string {
    return bindings.reduce((c, b) => c.split(b.doc).join(b.actual), command);
  },
};
