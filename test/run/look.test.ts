/** What the runner looks at before a step: the shell's state from the supervisor's file, objects in-process on the simulator. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LessonShell } from '../../src/run/shell.js';
import { isCarriedName, parseShellState } from '../../src/run/shell-state.js';
import { runOnSim, startShell } from './helpers.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('the shell state the next step starts with', () => {
  it('should read the directory and variables a step left, as the next step sees them', async () => {
    const { shell, home } = startShell(cleanups);
    expect(shell.carried()).toBeNull();
    await shell.run("mkdir -p sub && cd sub\nexport GREETING='hello world'\nlocal_var=42\nempty=\nlist=(a b)", { timeoutMs: 20_000 });
    const state = shell.carried()!;
    expect(state.cwd).toBe(join(home, 'sub'));
    expect(state.variables.get('GREETING')).toEqual({ value: 'hello world', exported: true });
    expect(state.variables.get('local_var')).toEqual({ value: '42', exported: false });
    expect(state.variables.get('empty')).toEqual({ value: '', exported: false });
    // An array does not carry to the next step: it is not in the state either.
    expect(state.variables.has('list')).toBe(false);
    const next = await shell.run('echo "${list[0]-unset} $local_var"', { timeoutMs: 20_000 });
    expect(next.output).toBe('unset 42\n');
    // The state file alternates; the second step's is read.
    await shell.run('unset local_var; cd ..', { timeoutMs: 20_000 });
    expect(shell.carried()!.variables.has('local_var')).toBe(false);
    expect(shell.carried()!.cwd).toBe(home);
  });

  it('should read the state from before a step that ended its own shell', async () => {
    const { shell } = startShell(cleanups);
    await shell.run('A=1', { timeoutMs: 20_000 });
    expect(shell.carried()?.variables.get('A')?.value).toBe('1');
    await shell.run('A=2; exit 3', { timeoutMs: 20_000 });
    expect(shell.carried()?.variables.get('A')?.value).toBe('1');
  });

  it('should parse only a complete state, and leave bash’s own variables to the shell', () => {
    expect(parseShellState('C\0\0/h\0V\0A\0x\0E\0\0\0')).toEqual({ cwd: '/h', variables: new Map([['A', { value: 'x', exported: false }]]) });
    expect(parseShellState('C\0\0/h\0V\0A\0x\0')).toBeNull();
    expect(parseShellState('')).toBeNull();
    expect(['PWD', 'UID', 'BASH_VERSION', 'HOSTNAME', 'RANDOM', '__kdt_v', '1x'].filter(isCarriedName)).toEqual([]);
    expect(['POD', 'KUBECONFIG', 'HOME', '__kdt_job_3', 'BASHFUL'].every(isCarriedName)).toBe(true);
  });
});

describe('looking before a step on the simulator', () => {
  it("should bind a doc's pod name to this run's pod in the context's namespace without starting kubectl or a shell to look", async () => {
    const scripts: string[] = [];
    const original = LessonShell.prototype.run;
    LessonShell.prototype.run = function (this: LessonShell, script, options) {
      scripts.push(script);
      return original.call(this, script, options);
    };
    cleanups.push(() => {
      LessonShell.prototype.run = original;
    });
    const r = await runOnSim(join(import.meta.dirname, '../../fixtures/run/look/context-namespace.md'), { settleMs: 8000 });
    expect(r.error).toBeUndefined();
    const commands = r.steps.filter((s) => s.kind === 'command');
    expect(commands.map((s) => s.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'skipped']);
    const exec = commands[4]!;
    expect(exec.ran).toMatch(/^kubectl exec web-[a-z0-9]+-[a-z0-9]{5} -- cat \/etc\/hostname$/);
    expect(exec.ran).not.toContain('b4b9s');
    expect(exec.rewrites.some((w) => w.kind === 'binding' && w.from === 'web-7768647bf9-b4b9s')).toBe(true);
    expect(commands[7]!.skipReason).toMatch(/^\$POD_NAME is not set/);
    // Only the doc's own commands ran in the shell: no kubectl of the runner's, no variable or file query.
    expect(scripts.filter((s) => /kubectl get|__kdt_v|__kdt_f/.test(s))).toEqual([]);
    // The programs the page's lines start are found on the lesson's PATH without asking the shell.
    expect(scripts.filter((s) => s.includes('command -v "$__kdt_p"'))).toEqual([]);
    expect(scripts.length).toBe(7);
    expect(commands[6]!.actual).toBe(`pod ${exec.ran!.split(' ')[2]}\n`);
  });
});
