/**
 * The lesson's persistent shell: one `bash --noprofile --norc` per lesson in its own process
 * group, so `cd`, `export` and shell variables carry across steps as in a reader's terminal.
 *
 * Protocol: each step is written to a script file in the sandbox's run dir and evaluated by the
 * shell's stdin with stdout and stderr merged (terminal-like interleaving) and stdin from
 * /dev/null; a trailing `printf '\n__KDT_<nonce>_<seq>_%s__\n' $?` marks the end and carries the
 * exit status. The nonce is random per shell, so no doc output can forge a marker.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { killGroup, killGroupNow, liveGroupMembers } from './process-group.js';

/** How to start the shell. */
export interface ShellOptions {
  cwd: string;
  env: Record<string, string>;
  /** Where step scripts are written. */
  runDir: string;
  /** Argv prefix to confine the shell (bubblewrap), if any. */
  wrap?: { file: string; args: string[] };
}

/** Options for one step. */
export interface ShellRunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Checked on each output chunk; when true, the process whose pid is in `stopPidFile` gets SIGTERM. */
  stopWhen?: (output: string) => boolean;
  stopPidFile?: string;
}

/** One result shape for a finished, timed-out, aborted or shell-killing step. */
export interface ShellRunResult {
  /** stdout and stderr interleaved, exactly as printed (no trailing newline added or removed). */
  output: string;
  /** Exit status; null when the step did not finish. */
  exitCode: number | null;
  timedOut: boolean;
  aborted: boolean;
  /** The shell itself exited during the step (`exit`, `set -e`, killed). */
  shellExited: boolean;
  /** `stopWhen` fired and the step's process was stopped. */
  stoppedEarly: boolean;
  durationMs: number;
}

interface Pending {
  marker: RegExp;
  resolve: (r: { exitCode: number | null; output: string; exited: boolean }) => void;
  onData: () => void;
}

/** A running lesson shell. */
export class LessonShell {
  readonly pid: number;
  /** Diagnostics the shell itself wrote to stderr (not step output). */
  shellStderr = '';
  private readonly nonce = randomBytes(8).toString('hex');
  private readonly process: ResultPromise;
  private buffer = '';
  private seq = 0;
  private exited = false;
  private pending: Pending | null = null;

  private constructor(private readonly options: ShellOptions) {
    // Aliases expand as in the reader's interactive terminal (`alias render_template=…`, then use it).
    const bashArgs = ['--noprofile', '--norc', '-O', 'expand_aliases'];
    const [file, args] = options.wrap ? [options.wrap.file, [...options.wrap.args, 'bash', ...bashArgs]] : ['bash', bashArgs];
    this.process = execa(file, args, {
      cwd: options.cwd,
      env: options.env,
      extendEnv: false,
      detached: true,
      cleanup: false,
      buffer: false,
      reject: false,
      stdin: 'pipe',
      stdout: 'pipe',
      stderr: 'pipe',
      encoding: 'utf8',
    });
    if (this.process.pid === undefined) throw new Error('bash could not be started: is it installed and on PATH?');
    this.pid = this.process.pid;
    this.process.stdout!.setEncoding('utf8');
    this.process.stderr!.setEncoding('utf8');
    this.process.stdout!.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.check();
    });
    this.process.stderr!.on('data', (chunk: string) => {
      this.shellStderr = (this.shellStderr + chunk).slice(-8192);
    });
    this.process.stdin!.on('error', () => {
      // EPIPE after the shell exited; the exit handler reports it.
    });
    void this.process.then(() => {
      this.exited = true;
      const p = this.pending;
      if (p) {
        this.pending = null;
        p.resolve({ exitCode: null, output: this.buffer, exited: true });
      }
    });
  }

  /** Starts a shell in its own process group. */
  static start(options: ShellOptions): LessonShell {
    return new LessonShell(options);
  }

  /** True while the shell process runs. */
  get alive(): boolean {
    return !this.exited;
  }

  private check(): void {
    const p = this.pending;
    if (!p) return;
    const m = p.marker.exec(this.buffer);
    if (m) {
      this.pending = null;
      const output = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      p.resolve({ exitCode: Number(m[1]), output, exited: false });
      return;
    }
    p.onData();
  }

  /** Runs one step's script in the shell and waits for its marker, the timeout, or an abort. */
  async run(script: string, options: ShellRunOptions): Promise<ShellRunResult> {
    const started = Date.now();
    if (this.exited) {
      return { output: '', exitCode: null, timedOut: false, aborted: false, shellExited: true, stoppedEarly: false, durationMs: 0 };
    }
    if (this.pending) throw new Error('a step is already running in this shell');
    const seq = ++this.seq;
    const file = join(this.options.runDir, `step-${seq}.sh`);
    writeFileSync(file, script.endsWith('\n') ? script : `${script}\n`);
    this.buffer = '';
    let stoppedEarly = false;
    let timedOut = false;
    let aborted = false;
    const done = new Promise<{ exitCode: number | null; output: string; exited: boolean }>((resolve) => {
      this.pending = {
        marker: new RegExp(`\\n__KDT_${this.nonce}_${seq}_(\\d+)__\\n`),
        resolve,
        onData: () => {
          if (stoppedEarly || !options.stopWhen || !options.stopPidFile) return;
          if (!options.stopWhen(this.buffer)) return;
          const pid = readPid(options.stopPidFile);
          if (pid !== null) {
            stoppedEarly = true;
            try {
              process.kill(pid, 'SIGTERM');
            } catch {
              // already gone
            }
          }
        },
      };
    });
    const quoted = `'${file.replaceAll("'", `'\\''`)}'`;
    // eval, not `.`: bash then names itself, not the temp file, in its messages (`bash: line 1: ubectl: command not found`).
    this.process.stdin!.write(`eval "$(cat ${quoted})" </dev/null 2>&1; printf '\\n__KDT_${this.nonce}_${seq}_%s__\\n' "$?"\n`);

    const interrupt = (why: 'timeout' | 'abort'): void => {
      if (!this.pending) return;
      if (why === 'timeout') timedOut = true;
      else aborted = true;
      void killGroup(this.pid);
    };
    const timer = setTimeout(() => interrupt('timeout'), options.timeoutMs);
    const onAbort = (): void => interrupt('abort');
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const r = await done;
      return {
        // bash reports the stopped foreground job ("Terminated"); that line is not the command's output.
        output: stoppedEarly ? r.output.replace(/(^|\n)[^\n]*\bTerminated\b[^\n]*\n?$/, '$1') : r.output,
        exitCode: r.exitCode,
        timedOut,
        aborted,
        shellExited: r.exited && !timedOut && !aborted,
        stoppedEarly,
        durationMs: Date.now() - started,
      };
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Ends the shell and everything it started (background jobs too): SIGTERM, then SIGKILL. */
  async stop(): Promise<void> {
    if (!this.exited) this.process.stdin!.end();
    await killGroup(this.pid);
    // The shell is gone once its group is; wait for the exit event so no handle stays open.
    if (liveGroupMembers(this.pid).length === 0) await this.process.catch(() => undefined);
  }

  /** SIGKILL to the group without waiting (signal handlers). */
  killNow(): void {
    killGroupNow(this.pid);
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
