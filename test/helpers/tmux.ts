import { execa } from 'execa';

/** A tmux server of its own (a private socket), so tests never touch a user's sessions. */
export class Tmux {
  readonly socket = `kdt-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  constructor(readonly session = 'walk') {}

  private tmux(args: string[]) {
    return execa('tmux', ['-L', this.socket, ...args], { reject: false });
  }

  /** Starts a command in a detached 160x50 window. */
  async start(command: string, cwd: string, env: Record<string, string> = {}): Promise<void> {
    const exports = Object.entries(env)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(' ');
    const r = await this.tmux([
      'new-session',
      '-d',
      '-s',
      this.session,
      '-x',
      '160',
      '-y',
      '50',
      '-c',
      cwd,
      `env ${exports} ${command}; echo "[exit $?]"; sleep 600`,
    ]);
    if (r.exitCode !== 0) throw new Error(`tmux new-session failed: ${r.stderr}`);
  }

  async keys(...keys: string[]): Promise<void> {
    await this.tmux(['send-keys', '-t', this.session, ...keys]);
  }

  /** The whole scrollback and screen as text. */
  async screen(): Promise<string> {
    return String((await this.tmux(['capture-pane', '-p', '-J', '-S', '-2000', '-t', this.session])).stdout);
  }

  /** Polls the screen until the predicate holds or the time runs out; returns the last screen. */
  async waitFor(predicate: (screen: string) => boolean, timeoutMs: number): Promise<string> {
    const until = Date.now() + timeoutMs;
    let text = '';
    while (Date.now() < until) {
      text = await this.screen();
      if (predicate(text)) return text;
      await new Promise((r) => setTimeout(r, 200));
    }
    return text;
  }

  async kill(): Promise<void> {
    await this.tmux(['kill-server']);
  }
}

/** True when tmux is installed. */
export async function hasTmux(): Promise<boolean> {
  return (await execa('tmux', ['-V'], { reject: false })).exitCode === 0;
}
