import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import type { CommandStep } from '../../src/plan/types.js';

const DOCS = 'fixtures/corpus/docs';

function commandsOf(page: string): CommandStep[] {
  const path = `${DOCS}/${page}`;
  return parseMarkdown(readFileSync(path, 'utf8'), { path, examplesDir: 'fixtures/corpus/examples' }).steps.filter(
    (s): s is CommandStep => s.kind === 'command',
  );
}

/** The context of the step at a doc line: kind and, for pods and nodes, the name. */
function at(steps: CommandStep[], line: number): string {
  const s = steps.find((x) => x.line === line);
  if (!s) throw new Error(`no command at line ${line}`);
  const h = s.host;
  return h.kind === 'pod' || h.kind === 'node' ? `${h.kind}${h.name ? ` ${h.name}` : ''}` : h.kind;
}

/** Real pages: [page, { line: expected context }] for every in-pod, on-node and boundary line. */
const PAGES: Array<[string, Record<number, string>]> = [
  [
    'tasks/configure-pod-container/configure-persistent-volume-storage.md',
    // `minikube ssh` in prose opens the node shell; `apt update`… run in the pod `kubectl exec -it` opened.
    {
      47: 'node minikube',
      55: 'node minikube',
      66: 'node minikube',
      110: 'local',
      203: 'local',
      212: 'pod task-pv-pod',
      213: 'pod task-pv-pod',
      214: 'pod task-pv-pod',
      232: 'local',
      245: 'node',
      246: 'node',
    },
  ],
  [
    'tasks/configure-pod-container/security-context.md',
    {
      85: 'local',
      91: 'pod security-context-demo',
      106: 'pod security-context-demo',
      121: 'pod security-context-demo',
      139: 'pod security-context-demo',
      156: 'pod security-context-demo',
      229: 'local',
      247: 'pod security-context-demo-2',
      300: 'pod security-context-demo-3',
      315: 'pod security-context-demo-3',
      357: 'pod security-context-demo-4',
    },
  ],
  ['tasks/debug/debug-application/debug-running-pod.md', { 418: 'local', 618: 'local', 640: 'local', 683: 'local', 696: 'pod myapp', 712: 'local' }],
  ['tasks/administer-cluster/declare-network-policy.md', { 74: 'local', 80: 'pod busybox', 106: 'local', 123: 'pod busybox', 142: 'pod busybox' }],
  [
    'tasks/inject-data-application/distribute-credentials-secure.md',
    { 122: 'local', 129: 'pod secret-test-pod', 134: 'pod secret-test-pod', 143: 'pod secret-test-pod' },
  ],
  ['tutorials/services/source-ip.md', { 81: 'local', 94: 'node', 134: 'pod busybox', 154: 'pod busybox', 363: 'node', 372: 'node' }],
  ['tutorials/services/connect-applications-service.md', { 415: 'node node' }],
];

describe('where lines of real pages run', () => {
  it.each(PAGES)('%s', (page, expected) => {
    const steps = commandsOf(page);
    const actual = Object.fromEntries(Object.keys(expected).map((line) => [line, at(steps, Number(line))]));
    expect(actual).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v])));
  });

  it('should put no line of a corpus page that runs a pod/node-only tool on the host', () => {
    const pages = PAGES.map(([p]) => p);
    for (const page of pages) {
      for (const s of commandsOf(page)) {
        if (['apt', 'apt-get', 'nslookup', 'ps', 'iptables-save', 'wget', 'id'].includes(s.program) && !s.command.startsWith('kubectl')) {
          expect([page, s.line, s.host.kind]).not.toEqual([page, s.line, 'local']);
        }
      }
    }
  });

  it('should mark the loop the stateful-application page keeps running in another window', () => {
    const steps = commandsOf('tasks/run-application/run-replicated-stateful-application.md');
    const loop = steps.find((s) => s.command.includes('mysql-client-loop') && s.command.includes('while'));
    expect(loop?.concurrent?.cue).toMatch(/keep it running in another window/);
    expect(steps.filter((s) => s.concurrent).map((s) => s.line)).toEqual([loop!.line]);
  });

  it('should mark the port-forward the page keeps running while the client connects', () => {
    const steps = commandsOf('tasks/access-application-cluster/port-forward-access-application-cluster.md');
    expect(steps.filter((s) => s.concurrent).map((s) => s.command)).toEqual(['kubectl port-forward service/mongo 28015:27017']);
  });
});
