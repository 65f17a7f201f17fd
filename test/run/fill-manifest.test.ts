import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fillManifest } from '../../src/run/fill-manifest.js';
import { runPlan } from '../../src/run/run-plan.js';
import { FakeBackend, plainMatcher } from './fake-backend.js';
import { tempDir } from './helpers.js';
import { cmd, manifest, plan } from './plan-builder.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const SECRET = 'data:\n  tls.crt: "REPLACE_WITH_BASE64_CERT"\n  tls.key: "REPLACE_WITH_BASE64_KEY"\n  other: "REPLACE_WITH_TOKEN"\n';

describe('fillManifest', () => {
  it('fills REPLACE_WITH_BASE64_X from the latest base64 output about X, on one line', () => {
    const earlier = [
      { line: 10, ran: 'cat /tmp/old.crt | base64', output: 'b2xk\n', ok: true },
      { line: 11, ran: 'cat /d/tmp/nginx.crt | base64', output: 'Y2VydGlm\naWNhdGU=\n', ok: true },
      { line: 12, ran: 'cat /d/tmp/nginx.key | base64', output: 'a2V5\n', ok: true },
    ];
    const r = fillManifest(SECRET, earlier);
    expect(r.content).toBe('data:\n  tls.crt: "Y2VydGlmaWNhdGU="\n  tls.key: "a2V5"\n  other: "REPLACE_WITH_TOKEN"\n');
    expect(r.rewrites.map((w) => [w.from, w.reason])).toEqual([
      ['REPLACE_WITH_BASE64_CERT', 'the base64 output of line 11 on one line, as the doc asks'],
      ['REPLACE_WITH_BASE64_KEY', 'the base64 output of line 12 on one line, as the doc asks'],
    ]);
  });

  it('leaves a placeholder when no command made its value, or the command failed', () => {
    const failed = [{ line: 11, ran: 'cat /d/tmp/nginx.crt | base64', output: 'cat: /d/tmp/nginx.crt: No such file or directory\n', ok: false }];
    expect(fillManifest(SECRET, failed).content).toBe(SECRET);
    expect(fillManifest(SECRET, []).rewrites).toEqual([]);
    const decoded = [{ line: 11, ran: 'echo Y2VydA== | base64 -d > my.crt', output: '', ok: true }];
    expect(fillManifest(SECRET, decoded).content).toBe(SECRET);
  });
});

describe('runPlan fills a manifest from earlier output', () => {
  it('writes the filled manifest and shows the rewrite on the manifest step', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const backend = new FakeBackend(join(t.dir, 'fake'), []);
    const r = await runPlan(
      plan([
        cmd(3, 'printf certificate > tls.crt && cat tls.crt | base64'),
        manifest(6, 'secret.yaml', 'tls.crt: "REPLACE_WITH_BASE64_CERT"'),
        cmd(9, 'cat secret.yaml', { expected: 'tls.crt: "Y2VydGlmaWNhdGU="' }),
      ]),
      backend,
      { matcher: plainMatcher, tmpDir: t.dir, settleIntervalMs: 10, gatherFacts: false, handleSignals: false, keep: true },
    );
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'pass', 'pass']);
    expect(r.steps[1]!.rewrites[0]).toMatchObject({ kind: 'placeholder', from: 'REPLACE_WITH_BASE64_CERT' });
    expect(readFileSync(join(r.keptDir!, 'home', 'secret.yaml'), 'utf8')).toBe('tls.crt: "Y2VydGlmaWNhdGU="\n');
  });
});
