import type { Identity } from '../identity.js';
import type { Clock } from '../../clock.js';
import type { Vfs } from '../fs/vfs.js';
import type { ImageProfile } from '../images/types.js';
import type { Network } from '../net/types.js';

/** Where a command writes: stdout or stderr of its caller, a file, or nowhere. */
export type Sink = (chunk: string | Buffer) => void;

/** Sinks that are a terminal (an exec with a tty): programs check this as they would isatty(1). */
const TERMINALS = new WeakSet<Sink>();

/** Marks a sink as a terminal; returns it. */
export function terminalSink(sink: Sink): Sink {
  TERMINALS.add(sink);
  return sink;
}

/** True when the sink is a terminal (a pipe, a file or a captured output is not). */
export const isTerminal = (sink: Sink): boolean => TERMINALS.has(sink);

/** A command's standard input: a buffer read from front to back, shared by a compound command's children. */
export class Input {
  pos = 0;
  constructor(public buf: Buffer = Buffer.alloc(0)) {}
  /** Everything not yet read. */
  readAll(): Buffer {
    const rest = this.buf.subarray(this.pos);
    this.pos = this.buf.length;
    return rest;
  }
  /** The next line without its newline, or undefined at end of input. */
  readLine(): string | undefined {
    if (this.pos >= this.buf.length) return undefined;
    const nl = this.buf.indexOf(10, this.pos);
    const end = nl < 0 ? this.buf.length : nl;
    const line = this.buf.subarray(this.pos, end).toString('utf8');
    this.pos = nl < 0 ? this.buf.length : nl + 1;
    return line;
  }
}

/** A command's three standard streams. */
export interface Io {
  stdin: Input;
  out: Sink;
  err: Sink;
}

/** What a container (or node) offers the commands that run in it. */
export interface Host {
  vfs: Vfs;
  profile: ImageProfile;
  /** The image reference (its tag picks tool versions). */
  image: string;
  hostname: string;
  /** The pod (or node) IP, for `hostname -i` and source addresses. */
  ip: string;
  clock: Clock;
  /** Simulator speed: sleeps last `seconds / speed`. */
  speed: number;
  /** Longest a single `sleep` may last in real milliseconds (exec sessions are bounded). */
  sleepCapMs: number;
  net: Network;
  signal: AbortSignal;
  /** The container's main process (pid 1) as `ps` shows it. */
  mainProcess?: string[];
  /** Who the processes run as (securityContext); root when absent. */
  user?: Identity;
  /** Sends a signal (`TERM`, `KILL`, …) to pid 1; true when it ends the main process. */
  signalMain?: (signal: string) => boolean;
}

/** One invocation of a command. `name` is the applet (basename of argv[0]). */
export interface CmdCtx {
  name: string;
  argv: string[];
  io: Io;
  host: Host;
  cwd: string;
  /** Exported variables, as the command's environment. */
  env: Record<string, string>;
  /** Runs another command line (for `env CMD`, `sh -c`, `xargs`, `timeout`); resolves its exit code. */
  run(argv: string[], io: Io, env?: Record<string, string>): Promise<number>;
}

/** An applet: resolves its exit status. */
export type CommandFn = (c: CmdCtx) => Promise<number> | number;
