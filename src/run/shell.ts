/**
 * The lesson's shell, as a reader's terminal: `cd`, `export`, shell variables, functions and
 * aliases carry across steps. Each step runs in a fresh bash started by the supervisor
 * (supervisor.ts), which reports the step's real exit status after its output, marked with a
 * nonce only the supervisor and the runner know; nothing the lesson runs can forge or read it.
 *
 * The supervisor runs in its own process group. Unconfined, it is also put in its own PID
 * namespace when util-linux `unshare` can make one here: then `setsid` or double-forked
 * processes a step starts end with the lesson, because the kernel kills a PID namespace with its
 * first process. Where that is not possible, the lesson's processes carry KUBEDOCTEST_LESSON=<id>
 * and are found in /proc and killed at the end (a lesson that scrubs its environment can escape
 * that; confinement cannot be escaped this way). Confined, bubblewrap's PID namespace does it.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa, execaSync, type ResultPromise } from 'execa';
import { killGroup, killGroupNow, liveGroupMembers } from './process-group.js';
import { LISTENER, receiveApiListener, type ApiListener, type ApiTarget } from './forward.js';
import { SUPERVISOR } from './supervisor.js';
import { readShellState, type ShellState } from './shell-state.js';

/** How to start the shell. */
export interface ShellOptions {
  cwd: string;
  env: Record<string, string>;
  /** Where the supervisor keeps the lesson's shell state between steps (a dir the lesson may write). */
  runDir: string;
  /** Confinement (bubblewrap), if any. */
  wrap?: {
    file: string;
    args: string[];
    /** Host user bwrap runs as (when kubedoctest runs as root). */
    uid?: number;
    gid?: number;
    /** The unreadable bash the supervisor and steps run with. */
    bash: string;
    /**
     * The lesson's API server: the supervisor has `node` open a listener on 127.0.0.1:`port` in the
     * sandbox and hand it over (forward.ts); the runner connects what it accepts to `target`.
     */
    api?: { node: string; port: number; target: ApiTarget };
  };
}

/** Options for one step. */
export interface ShellRunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Checked on each output chunk; when true, the step's process group gets SIGTERM (the step's shell itself survives it). */
  stopWhen?: (output: string) => boolean;
  /**
   * Called every `everyMs` while the step runs, with its output so far and how long it has printed
   * nothing; when it resolves true, the step is stopped as with `stopWhen`. A call is not made
   * before the previous one resolved. `extendTimeout(ms)` moves the step's time limit `ms` later.
   */
  tick?: { everyMs: number; fn: (output: string, quietMs: number, extendTimeout: (ms: number) => void) => Promise<boolean> };
}

/** One result shape for a finished, timed-out, aborted or shell-killing step. */
export interface ShellRunResult {
  /** stdout and stderr interleaved, exactly as printed (no trailing newline added or removed). */
  output: string;
  /** Exit status; null when the step did not finish. */
  exitCode: number | null;
  timedOut: boolean;
  aborted: boolean;
  /** The lesson's shell itself ended during the step (killed, or the supervisor could not go on): its state is lost. */
  shellExited: boolean;
  /**
   * The step ended its own shell (`exit 1`, `set -e`, `exec`): its exit status is the step's, what
   * it changed in the shell (directory, variables) is not kept, and the lesson's shell goes on with
   * the state from before the step.
   */
  endedOwnShell: boolean;
  /** `stopWhen` fired and the step's process was stopped. */
  stoppedEarly: boolean;
  durationMs: number;
}

interface Pending {
  marker: RegExp;
  resolve: (r: { exitCode: number | null; output: string; exited: boolean }) => void;
  onData: () => void;
}

let pidNamespace: string[] | null | undefined;

/** `unshare` arguments that give the unconfined lesson its own PID namespace here, or null (probed once). */
export function unshareArgs(): string[] | null {
  if (pidNamespace !== undefined) return pidNamespace;
  const base = ['--pid', '--fork', '--kill-child', '--mount-proc'];
  const candidates = process.getuid?.() === 0 ? [base] : [['--user', '--map-current-user', ...base]];
  pidNamespace = null;
  for (const args of candidates) {
    try {
      const r = execaSync('unshare', [...args, 'true'], { reject: false, timeout: 5000, stdin: 'ignore' });
      if (r.exitCode === 0) {
        pidNamespace = args;
        break;
      }
    } catch {
      // no unshare
    }
  }
  return pidNamespace;
}

/** Pids of processes whose environment carries KUBEDOCTEST_LESSON=<id>. */
export function markedProcesses(id: string): number[] {
  const needle = `KUBEDOCTEST_LESSON=${id}\0`;
  const out: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (`${readFileSync(`/proc/${entry}/environ`, 'latin1')}\0`.includes(needle)) out.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return out;
}

/** A running lesson shell. */
export class LessonShell {
  readonly pid: number;
  /** Diagnostics the supervisor or bubblewrap wrote to stderr (not step output). */
  shellStderr = '';
  private readonly nonce = randomBytes(16).toString('hex');
  /** Marks the lesson's processes for the /proc fallback (no PID namespace). */
  private readonly lessonId = randomBytes(8).toString('hex');
  private readonly process: ResultPromise;
  private readonly ownNamespace: boolean;
  /** The confined lesson's API listener (forward.ts), held by the runner. */
  private readonly api: ApiListener | null = null;
  private buffer = '';
  private seq = 0;
  private exited = false;
  private pending: Pending | null = null;
  /** The state file the next step restores (the supervisor alternates two), or null when it starts afresh. */
  private stateFile: string | null = null;

  private constructor(private readonly options: ShellOptions) {
    const wrap = options.wrap;
    const supervisor = ['--noprofile', '--norc', '-c', SUPERVISOR, 'kdt-supervisor', options.runDir];
    let file: string;
    let args: string[];
    if (wrap) {
      const api = wrap.api ? [wrap.api.node, LISTENER, String(wrap.api.port)] : [];
      [file, args] = [wrap.file, [...wrap.args, wrap.bash, ...supervisor, wrap.bash, ...api]];
      this.ownNamespace = true;
    } else {
      const unshare = unshareArgs();
      [file, args] = unshare ? ['unshare', [...unshare, 'bash', ...supervisor, 'bash']] : ['bash', [...supervisor, 'bash']];
      this.ownNamespace = unshare !== null;
    }
    this.process = execa(file, args, {
      cwd: options.cwd,
      env: { ...options.env, KUBEDOCTEST_LESSON: this.lessonId },
      extendEnv: false,
      detached: true,
      cleanup: false,
      buffer: false,
      reject: false,
      stdin: 'pipe',
      stdout: 'pipe',
      stderr: 'pipe',
      // The channel the API listener comes through; the supervisor closes it before the first step.
      ...(wrap?.api ? { ipc: true, serialization: 'json' as const } : {}),
      encoding: 'utf8',
      ...(wrap?.uid !== undefined ? { uid: wrap.uid } : {}),
      ...(wrap?.gid !== undefined ? { gid: wrap.gid } : {}),
    });
    if (this.process.pid === undefined) throw new Error(`${file} could not be started: is it installed and on PATH?`);
    this.pid = this.process.pid;
    if (wrap?.api) this.api = receiveApiListener(this.process, wrap.api.target);
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
    this.process.stdin!.write(`${this.nonce}\0`);
    void this.process.then(() => {
      this.exited = true;
      const p = this.pending;
      if (p) {
        this.pending = null;
        // The supervisor itself ended (bubblewrap or the forwarder could not start, or it was
        // killed): what it said is the only explanation there is.
        const said = this.shellStderr
          .split('\n')
          .filter((l) => l.trim() && !/^\[\d+\][+-]?\s+(Done|Exit|Killed|Terminated)/.test(l))
          .join('\n');
        p.resolve({
          exitCode: null,
          output: said ? `${this.buffer}${this.buffer && !this.buffer.endsWith('\n') ? '\n' : ''}${said}\n` : this.buffer,
          exited: true,
        });
      }
    });
  }

  /** Starts the supervisor in its own process group (and PID namespace where possible). */
  static start(options: ShellOptions): LessonShell {
    return new LessonShell(options);
  }

  /** True while the shell process runs. */
  get alive(): boolean {
    return !this.exited;
  }

  /**
   * What the next step starts with (working directory, variables), read from the supervisor's
   * state file instead of asked of a bash; null when there is nothing to read: no step has run
   * yet, the last one ended the shell, or a step is running.
   */
  carried(): ShellState | null {
    if (this.exited || this.pending || !this.stateFile) return null;
    return readShellState(this.stateFile);
  }

  /** True when the next step starts from the shell's initial environment: no step has left state yet. */
  get fresh(): boolean {
    return !this.exited && !this.pending && !this.stateFile;
  }

  private check(): void {
    const p = this.pending;
    if (!p) return;
    const m = p.marker.exec(this.buffer);
    if (m) {
      this.pending = null;
      const output = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      p.resolve({ exitCode: Number(m[1]), output, exited: m[2] === '1' });
      return;
    }
    p.onData();
  }

  /** Runs one step's script in a fresh child of the supervisor and waits for its status, the timeout, or an abort. */
  async run(script: string, options: ShellRunOptions): Promise<ShellRunResult> {
    const started = Date.now();
    if (this.exited) {
      return { output: '', exitCode: null, timedOut: false, aborted: false, shellExited: true, endedOwnShell: false, stoppedEarly: false, durationMs: 0 };
    }
    if (this.pending) throw new Error('a step is already running in this shell');
    const seq = ++this.seq;
    this.buffer = '';
    // The supervisor's choice of file for this step's state: the one the last step did not write.
    const stateA = join(this.options.runDir, 'state-a');
    const previous = this.stateFile;
    const next = previous === stateA ? join(this.options.runDir, 'state-b') : stateA;
    this.stateFile = null;
    let stoppedEarly = false;
    let timedOut = false;
    let aborted = false;
    let lastData = Date.now();
    const stop = (): void => {
      if (stoppedEarly) return;
      stoppedEarly = true;
      this.process.stdin!.write('stop\0');
    };
    let settled = false;
    const done = new Promise<{ exitCode: number | null; output: string; exited: boolean }>((resolve) => {
      this.pending = {
        marker: new RegExp(`\\n__KDT_${this.nonce}_${seq}_(\\d+)_([01])__\\n`),
        resolve: (r) => {
          settled = true;
          resolve(r);
        },
        onData: () => {
          lastData = Date.now();
          if (stoppedEarly || !options.stopWhen) return;
          // A line is shown once its newline is: stopping on a partial line would cut it.
          const complete = this.buffer.slice(0, this.buffer.lastIndexOf('\n') + 1);
          if (!complete || !options.stopWhen(complete)) return;
          stop();
        },
      };
    });
    let timer: NodeJS.Timeout | undefined;
    let timeoutAt = Date.now() + options.timeoutMs;
    const extendTimeout = (ms: number): void => {
      timeoutAt += Math.max(0, ms);
      if (timer === undefined || settled) return;
      clearTimeout(timer);
      timer = setTimeout(() => interrupt('timeout'), Math.max(0, timeoutAt - Date.now()));
    };
    const tick = options.tick;
    if (tick) {
      void (async () => {
        while (!settled && !stoppedEarly && !timedOut && !aborted) {
          await new Promise((r) => setTimeout(r, tick.everyMs));
          if (settled || stoppedEarly || timedOut || aborted) return;
          let end: boolean;
          try {
            end = await tick.fn(this.buffer, Date.now() - lastData, extendTimeout);
          } catch {
            return;
          }
          if (end) {
            if (!settled) stop();
            return;
          }
        }
      })();
    }
    // NUL ends a field of the request; a script cannot contain one anyway (bash drops it).
    this.process.stdin!.write(`run\0${seq}\0${script.replaceAll('\0', '')}\0`);

    const interrupt = (why: 'timeout' | 'abort'): void => {
      if (!this.pending) return;
      if (why === 'timeout') timedOut = true;
      else aborted = true;
      void this.kill();
    };
    timer = setTimeout(() => interrupt('timeout'), Math.max(0, timeoutAt - Date.now()));
    const onAbort = (): void => interrupt('abort');
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const r = await done;
      // The supervisor reported the step's status (it goes on): the step's own bash may have ended
      // (`exit`, `set -e`, `exec`), which it reports too; then, as the supervisor does, the state
      // from before the step carries over. Without a status the supervisor itself is gone.
      const reported = r.exitCode !== null;
      const ownShell = reported && r.exited && !timedOut && !aborted;
      if (!r.exited && !timedOut && !aborted) this.stateFile = next;
      else if (ownShell) this.stateFile = previous;
      if (r.exited && !reported && !timedOut && !aborted) await this.stop();
      return {
        // bash reports the stopped foreground job ("Terminated"); that line is not the command's output.
        output: stoppedEarly ? withoutJobReport(r.output) : r.output,
        exitCode: r.exitCode,
        timedOut,
        aborted,
        shellExited: r.exited && !reported && !timedOut && !aborted,
        endedOwnShell: ownShell,
        stoppedEarly,
        durationMs: Date.now() - started,
      };
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Kills the supervisor's group, and without a PID namespace every process marked as this lesson's. */
  private async kill(): Promise<void> {
    // In its own PID namespace nothing is lost by SIGKILL at once: the kernel ends the whole
    // namespace with its first process (which, as an init, ignores SIGTERM anyway).
    await killGroup(this.pid, this.ownNamespace ? 0 : 2000);
    await this.api?.close();
    if (!this.ownNamespace) {
      for (let round = 0; round < 5; round++) {
        const marked = markedProcesses(this.lessonId);
        if (marked.length === 0) break;
        for (const pid of marked) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // gone
          }
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  }

  /** Ends the shell and everything it started (background jobs too): SIGTERM, then SIGKILL. */
  async stop(): Promise<void> {
    if (!this.exited) this.process.stdin!.end();
    await this.kill();
    // The shell is gone once its group is; wait for the exit event so no handle stays open.
    if (liveGroupMembers(this.pid).length === 0) await this.process.catch(() => undefined);
  }

  /** SIGKILL to the group without waiting (signal handlers). */
  killNow(): void {
    killGroupNow(this.pid);
    if (!this.ownNamespace)
      for (const pid of markedProcesses(this.lessonId)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
  }
}

/**
 * bash reports a foreground job stopped by SIGTERM right after whatever the job wrote, newline or
 * not: `Terminated`, or `bash: line N: PID Terminated  command` on its own line; `script` reports
 * its own end (`Session terminated, killing shell... ...killed.`) before that.
 */
export function withoutJobReport(output: string): string {
  const long = /(^|\n)[^\n]*: line \d+: +\d+ Terminated\b[^\n]*\n?$/;
  const rest = long.test(output) ? output.replace(long, '$1') : output.replace(/Terminated\n?$/, '');
  // `script` (the pseudo-terminal of a `-t` step) says so on its own line when it is stopped.
  return rest.replace(/(^|\n)\r?\n?Session terminated, killing shell\.\.\.(?: ?\.\.\.killed\.)?\r?\n?$/, '$1');
}
