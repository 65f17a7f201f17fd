import { createInterface } from 'node:readline';
import { emitKeypressEvents } from 'node:readline';

/** What a reader pressed at a step: Enter (run), e (edit), s (skip), q (quit). */
export type WalkKey = 'run' | 'edit' | 'skip' | 'quit';

const KEYS: Record<string, WalkKey> = { return: 'run', enter: 'run', e: 'edit', s: 'skip', q: 'quit' };

/**
 * Reads one choice from a terminal in raw mode (single keys), or a line when stdin is not a
 * terminal (`s`, `e`, `q`, or an empty line to run). End of input quits.
 */
export function readKey(input: NodeJS.ReadStream = process.stdin): Promise<WalkKey> {
  if (!input.isTTY) {
    return new Promise((resolve) => {
      const rl = createInterface({ input, terminal: false });
      let done = false;
      rl.once('line', (line) => {
        done = true;
        rl.close();
        resolve(KEYS[line.trim().toLowerCase()] ?? 'run');
      });
      rl.once('close', () => {
        if (!done) resolve('quit');
      });
    });
  }
  emitKeypressEvents(input);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve) => {
    const onKey = (_: string, key: { name?: string; ctrl?: boolean } | undefined) => {
      const name = key?.name ?? '';
      const choice = key?.ctrl && (name === 'c' || name === 'd') ? 'quit' : KEYS[name];
      if (!choice) return;
      input.off('keypress', onKey);
      input.setRawMode(false);
      input.pause();
      resolve(choice);
    };
    input.on('keypress', onKey);
  });
}

/** Asks for an edited command, the doc's command already typed in (Enter keeps it). */
export function editLine(initial: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stdout): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input, output, terminal: Boolean(input.isTTY) });
    let answered = false;
    rl.question('edit> ', (answer) => {
      answered = true;
      rl.close();
      resolve(answer.trim() === '' ? initial : answer);
    });
    rl.once('close', () => {
      if (!answered) resolve(initial);
    });
    if (input.isTTY) rl.write(initial);
  });
}
