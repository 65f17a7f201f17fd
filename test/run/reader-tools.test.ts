import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { foundOnPath, notInstalledReason, programsToLookUp } from '../../src/run/reader-tools.js';
import { runPlan } from '../../src/run/run-plan.js';
import { LessonShell } from '../../src/run/shell.js';
import { FakeBackend, plainMatcher } from './fake-backend.js';
import { tempDir } from './helpers.js';
import { cmd, plan } from './plan-builder.js';

describe('programsToLookUp', () => {
  it.each([
    ['cfssl gencert -initca ca.json | cfssljson -bare ca', ['cfssl', 'cfssljson']],
    ['sudo helm install web ./chart', ['helm']],
    ['FOO=1 zarquon-cli --version && echo done', ['zarquon-cli', 'echo']],
  ])('%s → %j', (line, names) => {
    expect(programsToLookUp(line)).toEqual(names);
  });
  it.each([
    ['kubectl get pods', 'kubectl is always there'],
    ['kubctl get pods', 'a typo of kubectl runs and fails'],
    ['./worker.py', 'a path is not looked up'],
    ['greet() { echo hi; }; greet', 'a function the line defines'],
    ['curl -Lo zarquon https://example.com/zarquon && sudo install zarquon /usr/local/bin && zarquon --version', 'a program the line installs'],
    ['"$EDITOR" file.yaml', 'an expansion'],
  ])('%s: not looked up (%s)', (line) => {
    expect(programsToLookUp(line).filter((n) => !['curl', 'sudo', 'echo', 'install'].includes(n))).toEqual([]);
  });
  it('names one or several programs', () => {
    expect(notInstalledReason(['cfssl'])).toBe('needs cfssl, which is not installed on this machine');
    expect(notInstalledReason(['cfssl', 'cfssljson'])).toBe('needs cfssl and cfssljson, which are not installed on this machine');
  });
});

describe("the reader's tools that are not on this machine", () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });
  const run = async (steps: ReturnType<typeof cmd>[]) => {
    const t = tempDir();
    cleanups.push(t.remove);
    const backend = new FakeBackend(join(t.dir, 'fake'), []);
    const r = await runPlan(plan(steps), backend, { matcher: plainMatcher, tmpDir: t.dir, settleIntervalMs: 10, gatherFacts: false, handleSignals: false });
    return { r, dir: t.dir };
  };

  it('leaves a step needing a missing tool unchecked, names the tool, and runs nothing of the line', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const marker = join(t.dir, 'ran');
    const { r } = await run([
      cmd(3, `touch ${marker}; zarquon-cli gencert -initca ca.json | zarquon-json > ca.pem`, { expected: 'ca.pem written' }),
      cmd(7, 'cat ca.pem', { expected: '-----BEGIN CERTIFICATE-----' }),
    ]);
    expect(r.steps[0]).toMatchObject({ status: 'unchecked' });
    expect(JSON.stringify(r.steps[0])).toContain('needs zarquon-cli and zarquon-json, which are not installed on this machine');
    expect(existsSync(marker)).toBe(false);
    // What it would have written is missing, not the page's fault: the reader of ca.pem is excused.
    expect(r.steps[1]).toMatchObject({ status: 'skipped', skipReason: expect.stringContaining('depends on line 3') });
  });

  it('keeps a typo of a known program failing', async () => {
    const { r } = await run([cmd(3, 'kubctl version --client', { expected: 'Client Version: v1.32.0' })]);
    expect(r.steps[0]!.status).toBe('fail');
  });

  it('runs a program that is on this machine, found without asking the shell', async () => {
    const scripts: string[] = [];
    const original = LessonShell.prototype.run;
    LessonShell.prototype.run = function (this: LessonShell, script, options) {
      scripts.push(script);
      return original.call(this, script, options);
    };
    cleanups.push(() => {
      LessonShell.prototype.run = original;
    });
    const { r } = await run([
      cmd(3, 'printf "%s\\n" hello', { expected: 'hello' }),
      cmd(
        5,
        'export PATH="$HOME/bin:$PATH"; mkdir -p "$HOME/bin"; printf "#!/bin/sh\\necho mine\\n" > "$HOME/bin/zarquon-own"; chmod +x "$HOME/bin/zarquon-own"',
      ),
      cmd(7, 'zarquon-own', { expected: 'mine' }),
      cmd(9, 'zarquon-gone --version', { expected: 'v1' }),
    ]);
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'pass', 'pass', 'unchecked']);
    // export, mkdir, chmod and the page's own program on the PATH it exported are found by a stat;
    // only the program that is nowhere is asked of the shell.
    expect(scripts.filter((s) => s.includes('command -v')).map((s) => s.match(/for __kdt_p in ([^;]*);/)?.[1])).toEqual(['zarquon-gone']);
  });
});

describe('foundOnPath', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });
  const bin = () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const dir = join(t.dir, 'bin');
    mkdirSync(dir);
    writeFileSync(join(dir, 'zarquon'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(join(dir, 'ownonly'), '#!/bin/sh\n', { mode: 0o700 });
    writeFileSync(join(dir, 'plain'), 'data\n', { mode: 0o644 });
    mkdirSync(join(dir, 'adir'));
    return { root: t.dir, dir };
  };

  it('finds executable files in the absolute PATH entries, and nothing else', () => {
    const { dir } = bin();
    const found = foundOnPath(['zarquon', 'ownonly', 'plain', 'adir', 'missing', 'export'], { path: `relative:${dir}` });
    // bash's builtins are there whatever PATH says.
    expect([...found].sort()).toEqual(['export', 'ownonly', 'zarquon']);
  });

  it('leaves a relative PATH entry to the shell', () => {
    const { root } = bin();
    const cwd = process.cwd();
    process.chdir(root);
    try {
      expect(foundOnPath(['zarquon'], { path: 'bin' }).size).toBe(0);
    } finally {
      process.chdir(cwd);
    }
  });

  it('under confinement, skips hidden directories and files only their owner may run', () => {
    const { root, dir } = bin();
    expect(foundOnPath(['zarquon'], { path: dir, hidden: [root] }).size).toBe(0);
    expect([...foundOnPath(['zarquon', 'ownonly'], { path: dir, asOthers: true })]).toEqual(['zarquon']);
  });
});
