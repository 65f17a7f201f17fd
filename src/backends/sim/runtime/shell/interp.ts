import { ShellSyntaxError, type AndOr, type Command, type List, type Pipeline } from './ast.js';
import { parseShell } from './parser.js';
import { expandFields, expandString, ExpandError, type ExpandScope } from './expand.js';
import { ArithError } from './arith.js';
import { FLAVORS, type Flavor, type ShellKind } from './flavor.js';
import { Input, type CommandFn, type Host, type Io } from './types.js';
import { applyRedirects, RedirectError } from './redirect.js';
import { BUILTINS } from './builtins.js';
import { runCompound } from './compound.js';
import { runExternal } from './external.js';

/** Control flow out of the middle of a list. */
export class ExitSignal {
  constructor(readonly code: number) {}
}
/** `break`/`continue` unwinding to the enclosing loop. */
export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}
/** `return` unwinding to the function call. */
export class ReturnSignal {
  constructor(readonly code: number) {}
}
/** The session was aborted (client went away, pod stopped). */
export class AbortedError extends Error {}

/** How to create a shell. */
export interface ShellOptions {
  host: Host;
  kind: ShellKind;
  /** `$0`: `sh`, `bash`, `/bin/sh` … */
  name: string;
  env: Record<string, string>;
  cwd: string;
  /** Finds the implementation of an applet (a command in the image). */
  commands: (applet: string) => CommandFn | undefined;
  positional?: string[];
}

/** A POSIX shell interpreter over a container's virtual filesystem and commands. */
export class Shell implements ExpandScope {
  vars = new Map<string, string>();
  exported = new Set<string>();
  funcs = new Map<string, Command>();
  positional: string[];
  status = 0;
  cwd: string;
  line = 1;
  errexit = false;
  /** Set once `exit` ran (interactive sessions end then). */
  exited = false;
  readonly flavor: Flavor;
  private steps = 0;
  /** Status of the last command substitution (a command with only assignments returns it). */
  private subStatus: number | undefined;
  /** Depth of condition contexts (if/while tests, &&/|| lists, !): errexit is off inside. */
  condDepth = 0;
  private errSink: Io['err'] = () => undefined;

  constructor(readonly opts: ShellOptions) {
    this.flavor = FLAVORS[opts.kind];
    for (const [k, v] of Object.entries(opts.env)) {
      this.vars.set(k, v);
      this.exported.add(k);
    }
    this.cwd = opts.cwd;
    this.positional = opts.positional ?? [];
    if (!this.vars.has('PWD')) this.vars.set('PWD', this.cwd);
  }

  get host(): Host {
    return this.opts.host;
  }
  get vfs() {
    return this.opts.host.vfs;
  }
  get braces(): boolean {
    return this.flavor.kind === 'bash';
  }
  get home(): string {
    return this.vars.get('HOME') ?? '/root';
  }
  get(name: string): string | undefined {
    return this.vars.get(name);
  }
  set(name: string, value: string): void {
    this.vars.set(name, value);
  }
  special(name: string): string | undefined {
    if (name === '?') return String(this.status);
    if (name === '$') return '1';
    if (name === '0') return this.opts.name;
    if (name === '!') return '';
    if (name === '-') return this.errexit ? 'e' : '';
    return undefined;
  }

  /** Exported variables: the environment a command sees. */
  environ(extra: Record<string, string> = {}): Record<string, string> {
    const env: Record<string, string> = {};
    for (const k of this.exported) {
      const v = this.vars.get(k);
      if (v !== undefined) env[k] = v;
    }
    return { ...env, ...extra };
  }

  /** A copy for subshells, pipeline stages and command substitution. */
  clone(): Shell {
    const sh = new Shell({ ...this.opts, env: {}, cwd: this.cwd, positional: [...this.positional] });
    sh.vars = new Map(this.vars);
    sh.exported = new Set(this.exported);
    sh.funcs = new Map(this.funcs);
    sh.status = this.status;
    sh.errexit = this.errexit;
    sh.line = this.line;
    return sh;
  }

  /** Parses and runs a script; returns its exit status. Never throws for shell errors. */
  async run(src: string, io: Io): Promise<number> {
    let list: List;
    try {
      list = parseShell(src);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        io.err(this.flavor.syntax(this.opts.name, e.line, e.token) + '\n');
        return (this.status = 2);
      }
      throw e;
    }
    try {
      return await this.runList(list, io);
    } catch (e) {
      if (e instanceof ExitSignal) {
        this.exited = true;
        return (this.status = e.code);
      }
      if (e instanceof LoopSignal) return this.status;
      if (e instanceof ReturnSignal) return (this.status = e.code);
      throw e;
    }
  }

  async cmdsub(src: string): Promise<string> {
    const sub = this.clone();
    const chunks: Buffer[] = [];
    this.subStatus = await sub.run(src, { stdin: new Input(), out: (c) => chunks.push(Buffer.from(c)), err: this.errSink });
    return Buffer.concat(chunks).toString('utf8');
  }

  async runList(list: List, io: Io): Promise<number> {
    for (const ao of list) {
      if (ao.background) {
        void this.clone()
          .andOr(ao, io)
          .catch(() => undefined);
        this.status = 0;
        continue;
      }
      await this.andOr(ao, io);
      if (this.errexit && this.status !== 0 && this.condDepth === 0) throw new ExitSignal(this.status);
    }
    return this.status;
  }

  private async andOr(ao: AndOr, io: Io): Promise<number> {
    const inCond = ao.rest.length > 0;
    if (inCond) this.condDepth++;
    try {
      await this.pipeline(ao.first, io);
      for (const [i, { op, pipe }] of ao.rest.entries()) {
        if (i === ao.rest.length - 1) this.condDepth--;
        if ((op === '&&') === (this.status === 0)) await this.pipeline(pipe, io);
        if (i === ao.rest.length - 1) this.condDepth++;
      }
    } finally {
      if (inCond) this.condDepth--;
    }
    return this.status;
  }

  private async pipeline(p: Pipeline, io: Io): Promise<number> {
    if (p.negated) this.condDepth++;
    try {
      if (p.cmds.length === 1) await this.command(p.cmds[0]!, io);
      else {
        let stdin = io.stdin;
        for (const [i, cmd] of p.cmds.entries()) {
          const last = i === p.cmds.length - 1;
          const chunks: Buffer[] = [];
          const out = last ? io.out : (c: string | Buffer) => void chunks.push(Buffer.from(c));
          const sub = this.clone();
          try {
            this.status = await sub.command(cmd, { stdin, out, err: io.err });
          } catch (e) {
            if (!(e instanceof ExitSignal)) throw e;
            this.status = e.code;
          }
          stdin = new Input(Buffer.concat(chunks));
        }
      }
    } finally {
      if (p.negated) this.condDepth--;
    }
    if (p.negated) this.status = this.status === 0 ? 1 : 0;
    return this.status;
  }

  /** Yields to the event loop now and then; throws AbortedError once the session is gone. */
  async tick(): Promise<void> {
    if (this.host.signal.aborted) throw new AbortedError('aborted');
    if (++this.steps % 200 === 0) await new Promise((r) => setImmediate(r));
  }

  /** Runs one command node, with its redirections. */
  async command(cmd: Command, io: Io): Promise<number> {
    await this.tick();
    this.errSink = io.err;
    if (cmd.t === 'simple') return this.simple(cmd, io);
    if (cmd.t === 'func') {
      this.funcs.set(cmd.name, cmd.body);
      return (this.status = 0);
    }
    let rio: Io;
    try {
      rio = await applyRedirects(this, cmd.redirs, io);
    } catch (e) {
      return this.reportError(e, io);
    }
    switch (cmd.t) {
      case 'group':
        return this.runList(cmd.body, rio);
      case 'subshell': {
        const sub = this.clone();
        try {
          return (this.status = await sub.runList(cmd.body, rio));
        } catch (e) {
          if (e instanceof ExitSignal) return (this.status = e.code);
          throw e;
        }
      }
      default:
        return runCompound(this, cmd, rio);
    }
  }

  reportError(e: unknown, io: Io): number {
    if (e instanceof RedirectError || e instanceof ExpandError || e instanceof ArithError) {
      const msg = e instanceof RedirectError ? e.message : `${this.opts.name}: ${e.message}`;
      io.err(msg + '\n');
      return (this.status = e instanceof RedirectError ? (this.flavor.kind === 'dash' ? 2 : 1) : this.flavor.kind === 'bash' ? 1 : 2);
    }
    throw e;
  }

  private async simple(cmd: Command & { t: 'simple' }, io: Io): Promise<number> {
    this.line = cmd.line;
    let argv: string[];
    const assigns: [string, string][] = [];
    let rio: Io;
    try {
      this.subStatus = undefined;
      argv = await expandFields(cmd.words, this);
      for (const a of cmd.assigns) assigns.push([a.name, await expandString(a.value, this)]);
      rio = await applyRedirects(this, cmd.redirs, io);
    } catch (e) {
      return this.reportError(e, io);
    }
    if (!argv.length) {
      for (const [k, v] of assigns) this.vars.set(k, v);
      return (this.status = this.subStatus ?? 0);
    }
    return (this.status = await this.invoke(argv, rio, Object.fromEntries(assigns)));
  }

  /** Runs argv as a function, builtin or applet found on PATH. */
  async invoke(argv: string[], io: Io, tempEnv: Record<string, string> = {}): Promise<number> {
    const name = argv[0]!;
    const fn = this.funcs.get(name);
    if (fn) {
      const saved = this.positional;
      this.positional = argv.slice(1);
      try {
        return await this.command(fn, io);
      } catch (e) {
        if (e instanceof ReturnSignal) return (this.status = e.code);
        throw e;
      } finally {
        this.positional = saved;
      }
    }
    const builtin = BUILTINS[name];
    if (builtin) {
      const saved = Object.keys(tempEnv).map((k) => [k, this.vars.get(k)] as const);
      for (const [k, v] of Object.entries(tempEnv)) this.vars.set(k, v);
      try {
        return await builtin(this, argv, io);
      } finally {
        for (const [k, v] of saved)
          if (v === undefined) this.vars.delete(k);
          else this.vars.set(k, v);
      }
    }
    return this.external(argv, io, this.environ(tempEnv));
  }

  /** Runs an applet from the image (not a builtin), resolved through PATH. */
  external(argv: string[], io: Io, env: Record<string, string>): Promise<number> {
    return runExternal(this, argv, io, env);
  }
}
