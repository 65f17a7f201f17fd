import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { hasTmux, Tmux } from '../helpers/tmux.js';

const tmuxPresent = await hasTmux();
const prompt = '[Enter] run  [e] edit  [s] skip  [q] quit';
const count = (text: string, s: string) => text.split(s).length - 1;

// The interactive walk-through is driven in a real terminal (tmux) with send-keys and read back with capture-pane.
describe.skipIf(!tmuxPresent)(`kubedoctest walk in tmux${tmuxPresent ? '' : ' (skipped: tmux is not installed; apt-get install tmux)'}`, () => {
  let tmux: Tmux;
  afterEach(async () => {
    await tmux?.kill();
  });

  it('walks the connect-applications lesson to its end, one Enter per step', async () => {
    tmux = new Tmux();
    await tmux.start(
      `node ${CLI} walk fixtures/corpus/docs/tutorials/services/connect-applications-service.md --examples-dir fixtures/corpus/examples --settle 10s`,
      resolve('.'),
      { NO_COLOR: '1' },
    );
    let pressed = 0;
    const deadline = Date.now() + 400_000;
    let screen = '';
    while (Date.now() < deadline) {
      screen = await tmux.screen();
      if (/\d+ passed, \d+ failed, \d+ skipped/.test(screen)) break;
      if (count(screen, prompt) > pressed) {
        await tmux.keys('Enter');
        pressed++;
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(screen).toMatch(/\d+ passed, \d+ failed, \d+ skipped/);
    expect(screen).toContain('kubectl apply -f ./run-my-nginx.yaml');
    expect(screen).toContain('✓');
    expect(pressed).toBeGreaterThan(10);
    expect(await tmux.waitFor((s) => s.includes('[exit '), 30_000)).toMatch(/\[exit [01]\]/);
  }, 500_000);

  it('s skips a step, e edits one, q quits and cleans up', async () => {
    tmux = new Tmux();
    await tmux.start(`node ${CLI} walk docs/examples/env-vars-pass.md`, resolve('.'), { NO_COLOR: '1' });
    await tmux.waitFor((s) => count(s, prompt) >= 1, 60_000);
    await tmux.keys('Enter'); // apply
    await tmux.waitFor((s) => count(s, prompt) >= 2, 60_000);
    await tmux.keys('s'); // skip rollout status
    let screen = await tmux.waitFor((s) => count(s, prompt) >= 3, 60_000);
    expect(screen).toContain('skipped: skipped by the reader');
    await tmux.keys('e'); // edit the expose command
    await tmux.waitFor((s) => s.includes('edit> '), 30_000);
    await tmux.keys('C-u', 'kubectl expose deployment/my-nginx --port=8080 --target-port=80', 'Enter');
    screen = await tmux.waitFor((s) => count(s, prompt) >= 4, 60_000);
    expect(screen).toContain('(edited by the reader)');
    await tmux.keys('q');
    screen = await tmux.waitFor((s) => s.includes('[exit '), 60_000);
    expect(screen).toMatch(/\d+ passed, \d+ failed, \d+ skipped/);
    expect(screen).toMatch(/\[exit [01]\]/);
  }, 300_000);
});
