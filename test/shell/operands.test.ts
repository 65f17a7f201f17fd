import { describe, expect, it } from 'vitest';
import { fileEffects } from '../../src/lint/file-refs.js';
import { parseCommandLine, programArguments } from '../../src/shell/index.js';

const read = (line: string) => {
  const c = parseCommandLine(line).commands[0]!;
  const r = programArguments(c.name, c.args);
  return {
    operands: r.operands.map((w) => w.value),
    values: Object.fromEntries([...r.values].map(([k, ws]) => [k, ws.map((w) => w.value)])),
    inline: r.inline,
  };
};
const reads = (line: string): string[] => parseCommandLine(line).commands.flatMap((c) => fileEffects(c).refs.map((r) => r.path));

describe('programArguments', () => {
  it('should read options as getopt does: attached, joined, long with =, and -- ending them', () => {
    expect(read('tail -n5 -f app.log')).toEqual({ operands: ['app.log'], values: { '-n': ['5'] }, inline: undefined });
    expect(read('ssh -tp 2222 -i key.pem admin@node-1')).toEqual({
      operands: ['admin@node-1'],
      values: { '-p': ['2222'], '-i': ['key.pem'] },
      inline: undefined,
    });
    expect(read('head --lines=3 -- -odd-name')).toEqual({ operands: ['-odd-name'], values: { '--lines': ['3'] }, inline: undefined });
    expect(read('jq --arg n web -r .x data.json')).toEqual({ operands: ['.x', 'data.json'], values: { '--arg': ['n'] }, inline: undefined });
  });

  it('should take no option of a program it has no row for to have a value', () => {
    expect(read('cat -n notes.txt').operands).toEqual(['notes.txt']);
  });

  it('should name the option that puts the code on the command line', () => {
    expect(read("bash -xc 'echo hi' name").inline).toBe('-c');
    expect(read('python3 -m http.server 8000').inline).toBe('-m');
  });
});

describe("a reader's files: each program's own options", () => {
  // One list of value options for all readers took `-d` (base64), `-n` (cat) and `-e` (bash) to take values.
  it.each([
    ['base64 -d secret.txt', ['secret.txt']],
    ['cat -n notes.txt', ['notes.txt']],
    ['bash -e setup.sh arg', ['setup.sh']],
    ["jq --arg name web '.items[]' pods.json", ['pods.json']],
    ['jq -f filter.jq pods.json', ['filter.jq', 'pods.json']],
    ["yq -o json '.spec' deploy.yaml", ['deploy.yaml']],
    ['python3 -m http.server 8000', []],
    ["bash -xc 'cat inside.txt'", []],
    ['tail -n 20 app.log', ['app.log']],
  ])('%s reads %j', (line, files) => expect(reads(line)).toEqual(files));
});
