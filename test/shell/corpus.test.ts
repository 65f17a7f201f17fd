import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { refuseCommand } from '../../src/backends/context/refuse.js';
import { insideAddresses } from '../../src/backends/sim/net-ranges.js';
import { parseMarkdown } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';
import { classifyCommand } from '../../src/plan/classify.js';
import { firstKubectlCall, kubectlCall, parseCommandLine } from '../../src/shell/index.js';

/**
 * The answers the five earlier implementations gave for every command of every fixture page
 * (plan/shell-words + classify, lint/shell-words + command-model, run/rewrite/words, the
 * context guard's regex split, the simulator's address check), recorded before they were
 * replaced by src/shell.
 */
interface OldAnswer {
  page: string;
  command: string;
  plan: { class: string; program: string; subcommand?: string };
  lint: Array<{ program: string | null; path?: string[] }>;
  run: { programs: string[]; kubectlSub: string | null };
  refuse: string | null;
  inside: string[];
}

const OLD: OldAnswer[] = JSON.parse(readFileSync('test/shell/__golden__/old-answers.json', 'utf8'));

/** Answers of today's code for one command, in the shape of the old ones. */
function newAnswers(command: string): Omit<OldAnswer, 'page' | 'command'> {
  const line = parseCommandLine(command);
  const top = line.commands.filter((c) => !c.inside.includes('$('));
  return {
    plan: classifyCommand(command),
    lint: top.map((c) => {
      const call = kubectlCall(c);
      return c.program?.value === 'kubectl' && call ? { program: 'kubectl', path: call.path.map((w) => w.value) } : { program: c.program?.value ?? null };
    }),
    run: { programs: top.filter((c) => c.program).map((c) => c.program!.value), kubectlSub: firstKubectlCall(command)?.path[0]?.value ?? null },
    refuse: refuseCommand(command, 'lesson') ?? null,
    inside: insideAddresses(command),
  };
}

/**
 * Loops, where the old lint and run splitters disagreed with the model, and the old answers were
 * wrong: they took the keywords `for`, `while`, `do` and `done` for programs and missed the
 * command after `do`. The model reads the loop's commands.
 */
const LOOPS: Record<string, string[]> = {
  'for i in apple banana cherry\ndo\n  cat job-tmpl.yaml': ['cat', 'sed'],
  'for i in apple banana; do\n  echo $i\ndone': ['echo'],
  'for node in $NODES; do curl --connect-timeout 1': ['curl', 'grep'],
  'for node in $NODES; do curl -s $node': ['curl', 'grep'],
  'while true; do curl --connect-timeout 7.5 http://localhost:8080': ['true', 'curl', 'sleep'],
  'while true; do curl --connect-timeout 7.5 http://localhost:8081': ['true', 'curl', 'sleep'],
};

const loopOf = (command: string): string[] | undefined => Object.entries(LOOPS).find(([k]) => command.startsWith(k))?.[1];
const programsOf = (lint: OldAnswer['lint']): string[] => lint.flatMap((l) => (l.program === null ? [] : [l.program]));

describe('command model on the corpus', () => {
  it('should find the same commands in every fixture page as before', () => {
    // The pages the old answers were recorded on (fixture pages added later have none).
    const files = [...new Set(OLD.map((o) => o.page))];
    expect(files.length).toBeGreaterThanOrEqual(globSync(['fixtures/corpus/**/*.md', 'fixtures/seed/*.md']).length);
    const found = new Set<string>();
    for (const path of files) {
      const plan = buildPlan(parseMarkdown(readFileSync(path, 'utf8'), { path, examplesDir: 'fixtures/corpus/examples' }));
      for (const s of plan.steps) if (s.kind === 'command') found.add(s.command);
    }
    // Since then the parser reads a few more lines as commands, each one right: assignments from a
    // command substitution were taken for the previous command's output, the busybox prompt
    // `/ # ` is a pod's prompt, not part of the command, and a pasted `> ` continuation prompt is
    // not part of the command either. A command the prose asks to run inline ("Run `kubectl get
    // pods --show-labels`") followed by its output is a step, and so is one the prose shows a block
    // of ("You can see using `kubectl describe pod myapp` that…:"); a yaml-tagged fence that writes
    // its files with heredocs holds commands; a fence whose first line after its comments is a
    // command is commands, though a comment in it speaks of "the output".
    const NOW_COMMANDS: Record<string, string> = {
      '/ # grep Cap /proc/$$/status': 'grep Cap /proc/$$/status',
      ...Object.fromEntries(OLD.filter((o) => o.command.includes('\\\n> ')).map((o) => [o.command, o.command.replaceAll('\\\n> ', '\\\n')])),
    };
    const ADDED = [
      "nodeName=$(kubectl get pods -l job-name=job-pod-failure-policy-ignore -o jsonpath='{.items[0].spec.nodeName}')",
      "podName=$(kubectl get pods -l job-name=job-pod-failure-policy-config-issue -o jsonpath='{.items[0].metadata.name}')",
      'NODES=$(kubectl get nodes -o jsonpath=\'{ $.items[*].status.addresses[?(@.type=="InternalIP")].address }\')',
      'kubectl get pods --show-labels',
      'kubectl describe pod myapp',
      'cat <<EOF >deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: my-app\n  labels:\n    app: my-app\nspec:\n  selector:\n    matchLabels:\n      app: my-app\n  template:\n    metadata:\n      labels:\n        app: my-app\n    spec:\n      containers:\n      - name: app\n        image: my-app\n        volumeMounts:\n        - name: config\n          mountPath: /config\n      volumes:\n      - name: config\n        configMap:\n          name: example-configmap-1\nEOF',
      'cat <<EOF >./kustomization.yaml\nresources:\n- deployment.yaml\nconfigMapGenerator:\n- name: example-configmap-1\n  files:\n  - application.properties\nEOF',
      'kubectl apply -k ./',
      'kubectl delete -k ./',
      'kubectl logs deployments/configmap-env-var --follow',
    ];
    const expected = [...OLD.map((o) => NOW_COMMANDS[o.command] ?? o.command), ...ADDED];
    expect([...found].sort()).toEqual(expected.sort());
  });

  it('should classify, guard and check addresses as before on every command', () => {
    for (const old of OLD) {
      const now = newAnswers(old.command);
      expect({ command: old.command, plan: now.plan, refuse: now.refuse, inside: now.inside }).toEqual({
        command: old.command,
        plan: old.plan,
        refuse: old.refuse,
        inside: old.inside,
      });
    }
  });

  it("should find lint's programs and kubectl paths, except in loops where the old ones were wrong", () => {
    let loops = 0;
    for (const old of OLD) {
      const now = newAnswers(old.command);
      const loop = loopOf(old.command);
      if (loop) {
        loops++;
        expect(programsOf(old.lint)).not.toEqual(loop);
        expect(programsOf(now.lint)).toEqual(loop);
      } else expect({ command: old.command, lint: now.lint }).toEqual({ command: old.command, lint: old.lint });
    }
    expect(loops).toBe(Object.keys(LOOPS).length);
  });

  it("should settle run's disagreements with lint in lint's favour", () => {
    // The old run splitter cut at every newline and `|` without reading quotes, `\` continuations
    // or heredoc bodies, so it took `\\`, `>`, `--from-file=…` and YAML keys for programs, and `get`
    // for the program of `pods=$(kubectl get …)`. Where it disagreed with the old lint splitter,
    // lint was right, and the model now gives lint's answer.
    let settled = 0;
    for (const old of OLD) {
      const now = newAnswers(old.command);
      expect(now.run.kubectlSub).toBe(old.run.kubectlSub);
      const right = loopOf(old.command) ?? programsOf(old.lint);
      if (JSON.stringify(old.run.programs) !== JSON.stringify(right)) settled++;
      expect({ command: old.command, programs: now.run.programs }).toEqual({ command: old.command, programs: right });
    }
    expect(settled).toBeGreaterThan(0);
  });
});
