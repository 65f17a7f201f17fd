import { describe, expect, it } from 'vitest';
import { endlessLoop } from '../../src/run/rewrite/interactive.js';
import type { RewriteContext } from '../../src/run/rewrite/types.js';
import { cmd } from './plan-builder.js';

const ctx = { steps: [], index: 0, runDir: '/tmp/x', examples: new Map(), capabilities: {}, podShell: null, watchMs: 30_000 } as unknown as RewriteContext;
const rewrite = (command: string, opts: Parameters<typeof cmd>[2] = { expected: 'hello' }) => endlessLoop(command, cmd(3, command, opts), ctx);

describe('endlessLoop', () => {
  it.each([
    ['while true; do curl http://localhost:8080; sleep 10; done', 'while (( SECONDS < __kdt_until )) && true; do curl'],
    ['while :; do date; sleep 1; done', 'while (( SECONDS < __kdt_until )) && :; do date'],
    ['while sleep 2; do kubectl get pods; done', 'while (( SECONDS < __kdt_until )) && sleep 2; do kubectl'],
    ['until false; do echo hi; sleep 1; done', 'until (( SECONDS >= __kdt_until )) || false; do echo'],
    ['while true\ndo\n  echo hi\n  sleep 5\ndone', 'while (( SECONDS < __kdt_until )) && true\ndo\n  echo hi'],
  ])('bounds %j in real time, in a subshell that keeps the shell variables', (command, loop) => {
    const p = rewrite(command);
    expect(p).toMatchObject({ action: 'run', bounded: { ms: 30_000, realTime: true, stoppedCodes: [124, 143] } });
    if (p?.action !== 'run') return;
    expect(p.script.startsWith('( __kdt_until=$((SECONDS + 30)); ')).toBe(true);
    expect(p.script).toContain(loop);
    expect(p.script.endsWith('done\n)')).toBe(true);
    expect(p.rewrites[0]!.reason).toMatch(/^an endless loop \(a reader stops it with Ctrl-C\); run for at most 30s/);
  });

  it('bounds a loop whose output the doc does not show for at most 5 s', () => {
    expect(rewrite('while true; do echo hi; sleep 1; done', {})).toMatchObject({ bounded: { ms: 5_000 } });
  });

  it.each([
    ['a loop that ends by itself', 'while read -r line; do echo "$line"; done < list.txt'],
    ['a loop that breaks out', 'while true; do kubectl get pod web && break; sleep 1; done'],
    ['a loop that exits', 'while true; do curl -fs http://x && exit 0; sleep 1; done'],
    ['`while false`', 'while false; do echo never; done'],
    ['`until true`', 'until true; do echo never; done'],
    ['a loop followed by another command', 'while true; do echo hi; sleep 1; done; echo after'],
    ['a bounded for loop', 'for i in 1 2 3; do echo $i; done'],
  ])('leaves %s as it is', (_what, command) => {
    expect(rewrite(command)).toBeNull();
  });

  it('leaves a loop typed in a pod alone (the pod runs it)', () => {
    expect(rewrite('while true; do date; sleep 1; done', { expected: 'x', host: { kind: 'pod', target: 'web' } as never })).toBeNull();
  });

  it("bounds a loop run in a pod by `kubectl exec` with timeout, on the cluster's time", () => {
    const p = rewrite(`kubectl exec box -- sh -c 'while true; do date; sleep 5; done'`);
    expect(p).toMatchObject({
      action: 'run',
      script: `timeout --foreground 30 kubectl exec box -- sh -c 'while true; do date; sleep 5; done'`,
      bounded: { ms: 30_000, endless: true },
    });
    expect(p?.action === 'run' && p.bounded?.realTime).toBeFalsy();
  });

  it('keeps the terminal of `kubectl exec -it` around the bounded loop', () => {
    const p = rewrite(`kubectl exec -it box -- sh -c 'while sleep 1; do date; done'`);
    expect(p).toMatchObject({ action: 'run', pty: true, bounded: { endless: true } });
    expect(p?.action === 'run' && p.script).toContain(`script -qec 'timeout --foreground 30 kubectl exec -it box`);
  });

  it('bounds a loop in the container of `kubectl run -it`, with its terminal', () => {
    const p = rewrite(`kubectl run -it box --image=busybox --restart=Never -- sh -c 'while true; do echo hello; sleep 2; done'`);
    expect(p).toMatchObject({ action: 'run', pty: true, bounded: { ms: 30_000, endless: true } });
    expect(p?.action === 'run' && p.script).toContain(`script -qec 'timeout --foreground 30 kubectl run -it box`);
  });

  it('leaves a `kubectl run` that does not attach alone (it returns once the pod is created)', () => {
    expect(rewrite(`kubectl run box --image=busybox --restart=Never -- sh -c 'while true; do echo hello; sleep 2; done'`)).toBeNull();
  });

  it('leaves a `kubectl exec` loop that breaks out alone', () => {
    expect(rewrite(`kubectl exec box -- sh -c 'while true; do [ -f /ready ] && break; sleep 1; done'`)).toBeNull();
  });
});
