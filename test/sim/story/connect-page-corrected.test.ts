// Acceptance: the "Connecting Applications with Services" page, with its three outputs brought up
// to Kubernetes 1.32, passes end to end on the simulator; what needs a cloud is unchecked, with why.
import { describe, expect, it } from 'vitest';
import { CORRECTED_PAGE, checkConnectPage, whyNotRunnable } from '../../helpers/connect-page.js';

describe('the corrected connect-applications page on the simulator', () => {
  it('passes every step it can run; steps that need a cloud or host access to cluster addresses are unchecked with the reason', async (ctx) => {
    const why = whyNotRunnable();
    if (why) ctx.skip(why);
    const r = await checkConnectPage(CORRECTED_PAGE);
    expect(r.error).toBeUndefined();
    const failed = r.steps.filter((s) => s.status === 'fail' || s.status === 'error');
    expect(failed.map((s) => `${s.line} ${s.command}: ${s.differences.map((d) => d.message).join('; ')}${s.error ?? ''}`)).toEqual([]);
    const notChecked = r.steps
      .filter((s) => s.status === 'skipped' || s.status === 'unchecked')
      .map((s) => [s.line, s.status, s.skipReason ?? s.uncheckedReason]);
    expect(notChecked).toEqual([
      [472, 'unchecked', expect.stringMatching(/^the doc shows nodes with an ExternalIP, which only a cloud provider gives them/)],
      [482, 'skipped', expect.stringMatching(/^cannot fill in <EXTERNAL-IP>: no earlier output shows a node's external IP/)],
      [
        499,
        'unchecked',
        expect.stringMatching(
          /^reaches 172\.18\.255\.\d+ from this machine, an address that exists only inside the simulated cluster: not supported by the simulator; use --backend kind/,
        ),
      ],
    ]);
    // The linked repository's Makefile and default.conf were used, and the Secret got the page's own key.
    const make = r.steps.find((s) => s.command?.startsWith('make keys'))!;
    expect(make.status).toBe('pass');
    expect(make.rewrites[0]).toMatchObject({ kind: 'file', to: './Makefile' });
    const secretManifest = r.steps.find((s) => s.kind === 'manifest' && s.command === 'nginxsecrets.yaml')!;
    expect(secretManifest.rewrites.map((w) => w.from)).toEqual(['REPLACE_WITH_BASE64_CERT', 'REPLACE_WITH_BASE64_KEY']);
    // HTTPS through the Service with the page's certificate.
    const curl = r.steps.find((s) => s.command?.includes('curl https://my-nginx --cacert'))!;
    expect(curl.status).toBe('pass');
    expect(curl.actual).toContain('<title>Welcome to nginx!</title>');
  });
});
