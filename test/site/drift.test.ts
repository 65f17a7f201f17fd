import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findDrift } from '../../src/site/drift.js';
import { runCli } from '../helpers/cli.js';
import { buildIfStale, git, initRepo, makeSite, writeFiles } from './site-fixture.js';

const EN = `---
title: Run a pod
---

Create the pod:

\`\`\`shell
# create the pod from the example
kubectl apply -f https://k8s.io/examples/pods/simple-pod.yaml
\`\`\`

Save this ConfigMap as \`cm.yaml\`:

\`\`\`yaml
# settings for the app
apiVersion: v1
kind: ConfigMap
metadata:
  name: app
data:
  mode: fast
\`\`\`

Check it:

\`\`\`shell
kubectl get pods
\`\`\`

The output is similar to:

\`\`\`
NAME    READY   STATUS    RESTARTS   AGE
nginx   1/1     Running   0          9s
\`\`\`
`;

/** The same steps with prose and comments translated (and spacing changed). */
const ZH = `---
title: 运行 Pod
---

创建 Pod：

\`\`\`shell
# 根据示例创建 Pod
kubectl apply -f https://k8s.io/examples/pods/simple-pod.yaml
\`\`\`

将此 ConfigMap 保存为 \`cm.yaml\`：

\`\`\`yaml
# 应用的设置
apiVersion: v1
kind: ConfigMap
metadata:
  name: app
data:
  mode: fast   # 模式
\`\`\`

检查：

\`\`\`shell
kubectl  get pods
\`\`\`

输出类似于：

\`\`\`
NAME    READY   STATUS    RESTARTS   AGE
nginx   1/1     Running   0          9s
\`\`\`
`;

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.14.2\n';

function site(en: string, zh: string): string {
  return makeSite({
    'content/en/examples/pods/simple-pod.yaml': POD,
    'content/en/docs/tasks/run-pod.md': en,
    'content/zh-cn/docs/tasks/run-pod.md': zh,
    'content/en/docs/tasks/only-english.md': en,
  });
}

describe('kubedoctest drift', () => {
  it('finds nothing between a page and a faithful translation', async () => {
    expect(await findDrift(site(EN, ZH))).toEqual([]);
  });

  it('finds a planted difference in a command, a manifest and an output, with the English line', async () => {
    const en = EN.replace('kubectl get pods', 'kubectl get pods -o wide').replace('mode: fast', 'mode: safe').replace('0          9s', '0          10s');
    const pages = await findDrift(site(en, ZH));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.english).toBe('content/en/docs/tasks/run-pod.md');
    expect(pages[0]!.translation).toBe('content/zh-cn/docs/tasks/run-pod.md');
    expect(pages[0]!.lang).toBe('zh-cn');
    expect(pages[0]!.drifts).toEqual([
      { kind: 'manifest', change: 'differs', english: { line: 21, text: '  mode: safe' }, translation: { line: 21, text: '  mode: fast   # 模式' } },
      { kind: 'command', change: 'differs', english: { line: 27, text: 'kubectl get pods -o wide' }, translation: { line: 27, text: 'kubectl  get pods' } },
      {
        kind: 'output',
        change: 'differs',
        english: { line: 34, text: 'nginx   1/1     Running   0          10s' },
        translation: { line: 34, text: 'nginx   1/1     Running   0          9s' },
      },
    ]);
  });

  it('a step the translation lacks is reported as missing', async () => {
    const en = EN.replace('Check it:', 'Describe it:\n\n```shell\nkubectl describe configmap app\n```\n\nCheck it:');
    const [page] = await findDrift(site(en, ZH));
    expect(page!.drifts).toEqual([{ kind: 'command', change: 'missing', english: { line: 27, text: 'kubectl describe configmap app' } }]);
  });

  it('--since keeps only English changes newer than the translation', async () => {
    // An old difference, there since before the ref, and a fix to the English page after it.
    const dir = site(EN.replace('kubectl get pods', 'kubectl get pods -A'), ZH);
    initRepo(dir);
    const ref = git(dir, 'rev-parse', 'HEAD').trim();
    writeFiles(dir, { 'content/en/docs/tasks/run-pod.md': EN.replace('kubectl get pods', 'kubectl get pods -A').replace('mode: fast', 'mode: safe') });
    git(dir, 'commit', '-q', '-am', 'fix the ConfigMap');
    const all = await findDrift(dir);
    expect(all[0]!.drifts.map((d) => d.kind)).toEqual(['manifest', 'command']);
    const since = await findDrift(dir, { since: ref });
    expect(since[0]!.drifts).toEqual([
      { kind: 'manifest', change: 'differs', english: { line: 21, text: '  mode: safe' }, translation: { line: 21, text: '  mode: fast   # 模式' } },
    ]);
    // A translation updated after the English change has nothing newer to catch up with.
    writeFiles(dir, { 'content/zh-cn/docs/tasks/run-pod.md': ZH.replace('mode: fast', 'mode: safe') });
    git(dir, 'commit', '-q', '-am', 'update the translation');
    expect(await findDrift(dir, { since: ref })).toEqual([]);
  });

  describe('through the CLI', () => {
    beforeAll(buildIfStale, 180_000);

    it('exits 1 and prints the English line that changed; 0 when the translation keeps up', async () => {
      const dir = site(EN.replace('kubectl get pods', 'kubectl get pods -o wide'), ZH);
      const r = await runCli(['drift', dir]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('content/zh-cn/docs/tasks/run-pod.md (zh-cn) ← content/en/docs/tasks/run-pod.md');
      expect(r.stdout).toContain('    en content/en/docs/tasks/run-pod.md:27: kubectl get pods -o wide');
      expect(r.stdout).toContain('1 difference in 1 translated page');
      const ok = await runCli(['drift', join(site(EN, ZH)), '--format', 'json']);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.stdout)).toEqual({ version: 1, pages: [] });
      const notSite = await runCli(['drift', makeSite({ 'a.md': '# A\n' })]);
      expect(notSite.code).toBe(2);
      expect(notSite.stderr).toContain('has no content/en folder');
    }, 60_000);
  });
});
