// Acceptance: the current kubernetes.io page, as published, on the simulator (Kubernetes 1.32).
// It fails at exactly the four places where the page no longer matches a 1.32 cluster:
//  - line 127: `kubectl expose` copies the Deployment's own labels, and run-my-nginx.yaml has
//    none, so `Labels:` is `<none>` (the doc shows the labels of nginx-svc.yaml);
//  - line 244: `kubectl run -i --tty` shows old kubectl's "Waiting for pod …"/"Hit enter for command
//    prompt" lines; 1.32 prints only "If you don't see a command prompt, try pressing enter.";
//  - line 254: busybox:1.37's nslookup prints `Address:`/FQDN lines, the doc shows busybox 1.28's;
//  - line 492: the Service from nginx-secure-app.yaml has two ports, the doc shows one.
import { describe, expect, it } from 'vitest';
import { CONNECT_PAGE, checkConnectPage, whyNotRunnable } from '../../helpers/connect-page.js';

describe('the published connect-applications page on the simulator', () => {
  it('fails at the four outputs that differ on Kubernetes 1.32, and nowhere else', async (ctx) => {
    const why = whyNotRunnable();
    if (why) ctx.skip(why);
    const r = await checkConnectPage(CONNECT_PAGE);
    expect(r.error).toBeUndefined();
    const failed = r.steps.filter((s) => s.status === 'fail' || s.status === 'error');
    expect(failed.map((s) => s.line)).toEqual([127, 244, 254, 492]);
    const [labels, session, nslookup, ports] = failed;
    expect(labels!.differences.filter((d) => !d.stale).map((d) => [d.kind, d.line, d.message])).toEqual([
      ['wrong-value', 132, 'Labels: doc run=my-nginx, actual <none>'],
    ]);
    expect(labels!.hint?.id).toBe('expose-copies-labels');
    expect(session!.differences.map((d) => [d.kind, d.line])).toEqual([
      ['missing-line', 247],
      ['wrong-value', 248],
    ]);
    expect(nslookup!.differences.map((d) => d.line)).toEqual([256, 258, 259]);
    expect(nslookup!.hint?.id).toBe('busybox-nslookup-format');
    expect(ports!.differences.map((d) => [d.kind, d.line])).toEqual([['wrong-value', 496]]);
    expect(ports!.differences[0]!.message).toMatch(/^row my-nginx, column PORT\(S\): doc 8080:30163\/TCP, actual 8080:3\d{4}\/TCP,443:3\d{4}\/TCP$/);
    // What only moved with newer Kubernetes is reported as stale, not failed.
    expect(r.findings.filter((f) => f.ruleId === 'stale-output').map((f) => f.line)).toEqual(expect.arrayContaining([43, 307, 454, 455, 456]));
    expect(r.findings.some((f) => f.ruleId === 'cluster-specific-output' && f.line === 231)).toBe(true);
  });
});
