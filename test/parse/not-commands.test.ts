import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { commands, manifests } from './helpers.js';

// Generic pages: page text in a shell fence that no reader types, and the body of a script a
// container runs. None of it may run on the reader's machine.
const lesson = (src: string[]) => parseMarkdown(src.join('\n'), { path: 'p.md', examplesDir: 'none' });

describe('a script the page quotes', () => {
  const probe = [
    'The readiness probe runs a small check inside the container.',
    '',
    '```shell',
    'kubectl get pods',
    '```',
    '',
    'The probe calls a shell script that asks the server whether it is healthy.',
    '',
    '```bash',
    'STATE=$(echo status | nc 127.0.0.1 $1)',
    'if [ "$STATE" == "up" ]; then',
    '    exit 0',
    'else',
    '    exit 1',
    'fi',
    '```',
    '',
  ];

  it('should make every line of the body illustrative, with the reason', () => {
    const steps = commands(lesson(probe));
    expect(steps.map((s) => [s.line, s.host.kind])).toEqual([
      [4, 'local'],
      [10, 'illustrative'],
      [11, 'illustrative'],
    ]);
    const host = steps[1]!.host;
    expect(host.kind === 'illustrative' && host.reason).toMatch(/body of a script the page quotes.*`\$1`/);
  });

  it('should read the signs of a script without prose saying so', () => {
    const src = ['Then:', '', '```shell', '#!/bin/sh', 'echo "starting $HOSTNAME"', 'kubectl version', '```', ''];
    expect(commands(lesson(src)).map((s) => s.host.kind)).toEqual(['illustrative', 'illustrative']);
  });

  it('should keep a block that only exits a pod shell as it was', () => {
    const src = ['```shell', 'kubectl exec -it web -- sh', '```', '', '```shell', 'ls /', 'exit', '```', ''];
    const steps = commands(lesson(src));
    expect(steps.map((s) => [s.command, s.host.kind])).toEqual([
      ['kubectl exec -it web -- sh', 'local'],
      ['ls /', 'pod'],
      ['exit', 'pod'],
    ]);
  });

  it('should make a script the page asks to save that file, not commands', () => {
    const src = ['Save the following as `check.sh`:', '', '```bash', '#!/bin/bash', 'curl -fs "http://localhost:$1/healthz" || exit 1', '```', ''];
    const l = lesson(src);
    expect(commands(l)).toEqual([]);
    expect(manifests(l).map((m) => [m.file, m.language])).toEqual([['check.sh', 'text']]);
  });
});

describe('page text in a shell fence', () => {
  const watched = [
    '```shell',
    'kubectl get pods -w',
    '```',
    '',
    'The output is similar to:',
    '',
    '```',
    'NAME    READY   STATUS',
    'web-0   1/1     Running',
    '```',
    '',
  ];

  it.each([
    ['host names', ['web-0.web.default.svc.cluster.local', 'web-1.web.default.svc.cluster.local'], 'a host name'],
    ['config settings', ['server.1=web-0.web:2888:3888', 'server.2=web-1.web:2888:3888'], 'setting'],
    ['addresses', ['10.244.1.5', '10.244.2.7'], 'an IP address'],
    ['URLs', ['http://web-0.web:8080/', 'http://web-1.web:8080/'], 'a URL'],
  ])('should never run a block of %s, and say why', (_what, body, said) => {
    const l = lesson([...watched, 'Each Pod gets a stable name.', '', '```shell', ...body, '```', '']);
    expect(commands(l).map((s) => s.command)).toEqual(['kubectl get pods -w']);
    const finding = l.findings.find((f) => f.ruleId === 'not-a-command');
    expect(finding?.severity).toBe('info');
    expect(finding?.message).toContain(said);
    expect(finding).toMatchObject({ line: 14 });
  });

  it('should read a YAML excerpt with list items as a manifest excerpt, not commands', () => {
    const l = lesson([...watched, 'The volume is mounted here:', '', '```shell', 'volumeMounts:', '- name: data', '  mountPath: /data', '```', '']);
    expect(commands(l).map((s) => s.command)).toEqual(['kubectl get pods -w']);
    expect(manifests(l).map((m) => m.file)).toEqual([null]);
  });

  it("should pair kubectl's messages after an output cue with the command before, in any fence", () => {
    const src = [
      '```shell',
      'kubectl drain node-1 --ignore-daemonsets',
      '```',
      '',
      'The output:',
      '',
      '```',
      'node "node-1" already cordoned',
      'WARNING: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-x',
      'pod "web-0" deleted',
      'node "node-1" drained',
      '```',
      '',
    ];
    const steps = commands(lesson(src));
    expect(steps.map((s) => s.command)).toEqual(['kubectl drain node-1 --ignore-daemonsets']);
    expect(steps[0]!.expected).toMatchObject({ form: 'cue', position: { line: 8, endLine: 11 } });
  });

  it('should still pair such lines with the command waiting for its output', () => {
    const src = [
      '```shell',
      'for i in 0 1; do kubectl exec web-$i -- hostname -f; done',
      '```',
      '',
      'Each name is in the Service domain.',
      '',
      '```shell',
      'web-0.web.default.svc.cluster.local',
      'web-1.web.default.svc.cluster.local',
      '```',
      '',
    ];
    const l = lesson(src);
    const steps = commands(l);
    expect(steps).toHaveLength(1);
    expect(steps[0]!.expected?.text).toBe('web-0.web.default.svc.cluster.local\nweb-1.web.default.svc.cluster.local');
    expect(l.findings.filter((f) => f.ruleId === 'not-a-command')).toEqual([]);
  });
});

describe('an indented block inside prose', () => {
  const page = (lead: string) => [
    '```shell',
    'kubectl get deployment --namespace=kube-system',
    '```',
    '',
    'and look for the DNS Deployment.',
    '',
    lead,
    '',
    '    Deployment/<your-deployment-name>',
    '',
  ];

  it('should not be the output of the command before the prose', () => {
    expect(commands(lesson(page('Your target is'))).map((s) => s.expected)).toEqual([null]);
  });

  it('should be its output when an output cue introduces it', () => {
    expect(commands(lesson(page('The output is similar to:')))[0]!.expected?.text).toBe('Deployment/<your-deployment-name>');
  });
});
