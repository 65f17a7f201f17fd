import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { summarize } from '../../src/run/summary.js';
import { describe, expect, it } from 'vitest';
import { formatCheckHtml } from '../../src/report/index.js';
import type { LessonResult } from '../../src/run/types.js';
import { CHROMIUM, CHROMIUM_ARGS, NO_CHROMIUM_REASON } from '../helpers/chromium.js';
import { runCli } from '../helpers/cli.js';
import { step } from './fixtures.js';

const docPath = 'docs/examples/env-vars-fail.md';
const source = readFileSync(docPath, 'utf8');
const lineOf = (text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1;

function lesson(): LessonResult {
  return {
    path: docPath,
    backend: 'sim',
    durationMs: 3100,
    findings: [],
    steps: [
      step({ stepId: 's1', line: lineOf('kubectl apply -f'), command: 'kubectl apply -f ./run-my-nginx.yaml' }),
      step({
        stepId: 's4',
        line: lineOf('-- printenv'),
        command: 'kubectl exec deploy/my-nginx -- printenv | grep SERVICE',
        status: 'fail',
        expected: 'MY_NGINX_SERVICE_HOST=10.0.162.149\n<script>alert(1)</script>',
        actual: 'KUBERNETES_SERVICE_HOST=10.96.0.1',
        diff: '--- doc\n+++ actual\n-MY_NGINX_SERVICE_HOST=10.0.162.149\n+KUBERNETES_SERVICE_HOST=10.96.0.1',
        differences: [{ kind: 'missing-line', message: 'MY_NGINX_SERVICE_HOST is not set', line: lineOf('MY_NGINX_SERVICE_HOST'), column: 1 }],
        hint: { id: 'service-env-before-pods', message: 'The pods were created before Service my-nginx.' },
      }),
    ],
  };
}

describe('HTML report', () => {
  const l = lesson();
  const html = formatCheckHtml({ lessons: [l], summary: summarize([l]) }, new Map([[docPath, source]]));

  it('is one self-contained file that escapes what it shows', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<(link|img|script) [^>]*src=/);
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html).toContain('The pods were created before Service my-nginx.');
  });

  it.skipIf(!CHROMIUM)(
    `a real check of the env-var fixture, rendered in Chromium, shows the failing step (${CHROMIUM ? 'chromium found' : NO_CHROMIUM_REASON})`,
    async () => {
      const out = resolve('test-output');
      mkdirSync(out, { recursive: true });
      const file = join(out, 'env-vars-check.html');
      const r = await runCli(['check', docPath, '--format', 'html', '--output', file, '--settle', '5s']);
      expect(r.code).toBe(1);
      const browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage();
        await page.goto(`file://${file}`);
        await expect(page.locator('#summary').textContent()).resolves.toMatch(/^\d+ passed, 1 failed, 0 skipped, 0 unchecked \(checked \d+ of \d+ steps\)$/);
        const failing = page.locator('section.result.fail');
        expect(await failing.count()).toBe(1);
        expect(await failing.locator('header').textContent()).toContain(`line ${lineOf('-- printenv')}`);
        expect(await failing.textContent()).toContain('MY_NGINX_SERVICE_HOST');
        expect(await failing.locator('.hint').textContent()).toContain('before Service my-nginx');
        await page.check('#failed-only');
        expect(await page.locator('section.result.pass').first().isVisible()).toBe(false);
        expect(await failing.isVisible()).toBe(true);
        await page.screenshot({ path: join(out, 'env-vars-check.png'), fullPage: true });
      } finally {
        await browser.close();
      }
    },
    180_000,
  );

  it.skipIf(!CHROMIUM)(
    `renders in Chromium with the failing step shown and a working filter (${CHROMIUM ? 'chromium found' : NO_CHROMIUM_REASON})`,
    async () => {
      const out = resolve('test-output');
      mkdirSync(out, { recursive: true });
      const file = join(out, 'report.html');
      writeFileSync(file, html);
      const browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage();
        await page.goto(`file://${file}`);
        await expect(page.locator('#summary').textContent()).resolves.toBe('1 passed, 1 failed, 0 skipped, 0 unchecked (checked 2 of 2 steps)');
        const failing = page.locator('section.result.fail');
        expect(await failing.isVisible()).toBe(true);
        expect(await failing.locator('header').textContent()).toContain(`line ${lineOf('-- printenv')}`);
        const prose = page.locator('.doc > div.prose').first();
        expect(await prose.isVisible()).toBe(true);
        // Keyboard: focus the filter and toggle it with the space bar.
        await page.focus('#failed-only');
        await page.keyboard.press('Space');
        expect(await page.locator('#failed-only').isChecked()).toBe(true);
        expect(await prose.isVisible()).toBe(false);
        expect(await page.locator('section.result.pass').isVisible()).toBe(false);
        expect(await failing.isVisible()).toBe(true);
        expect(await page.locator(`#L${lineOf('-- printenv') - 1} pre`).isVisible()).toBe(true);
        await page.screenshot({ path: join(out, 'html-report.png'), fullPage: true });
      } finally {
        await browser.close();
      }
    },
  );
});
