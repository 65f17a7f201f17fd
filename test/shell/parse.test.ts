import { describe, expect, it } from 'vitest';
import { dataRanges, parseCommandLine, type SimpleCommand } from '../../src/shell/index.js';

/** A simple command reduced to its parts' values. */
function shape(c: SimpleCommand) {
  return {
    assignments: c.assignments.map((w) => w.value),
    prefixes: c.prefixes.map((w) => w.value),
    program: c.program?.value,
    args: c.args.map((w) => w.value),
  };
}
const commands = (text: string) => parseCommandLine(text).commands.map(shape);

describe('parseCommandLine: the program after prefixes', () => {
  it.each([
    ['timeout 10 kubectl get pods', { assignments: [], prefixes: ['timeout', '10'], program: 'kubectl', args: ['get', 'pods'] }],
    ['timeout -s KILL 10s kubectl get pods', { assignments: [], prefixes: ['timeout', '-s', 'KILL', '10s'], program: 'kubectl', args: ['get', 'pods'] }],
    ['env FOO=1 kubectl delete pod x', { assignments: ['FOO=1'], prefixes: ['env'], program: 'kubectl', args: ['delete', 'pod', 'x'] }],
    ['FOO=1 BAR="a b" kubectl get po', { assignments: ['FOO=1', 'BAR=a b'], prefixes: [], program: 'kubectl', args: ['get', 'po'] }],
    ['sudo -E -u root kubectl get po', { assignments: [], prefixes: ['sudo', '-E', '-u', 'root'], program: 'kubectl', args: ['get', 'po'] }],
    ['time kubectl get po', { assignments: [], prefixes: ['time'], program: 'kubectl', args: ['get', 'po'] }],
    ['watch -n 2 kubectl get pods', { assignments: [], prefixes: ['watch', '-n', '2'], program: 'kubectl', args: ['get', 'pods'] }],
    ['nohup kubectl proxy', { assignments: [], prefixes: ['nohup'], program: 'kubectl', args: ['proxy'] }],
    ['exec kubectl version', { assignments: [], prefixes: ['exec'], program: 'kubectl', args: ['version'] }],
    ['command kubectl version', { assignments: [], prefixes: ['command'], program: 'kubectl', args: ['version'] }],
    [
      'sudo env PATH=/x nice -n 5 kubectl get po',
      { assignments: ['PATH=/x'], prefixes: ['sudo', 'env', 'nice', '-n', '5'], program: 'kubectl', args: ['get', 'po'] },
    ],
    // A prefix with nothing after it is the program.
    ['env', { assignments: [], prefixes: [], program: 'env', args: [] }],
    ['FOO=bar', { assignments: ['FOO=bar'], prefixes: [], program: undefined, args: [] }],
    ['export A=1 B', { assignments: [], prefixes: [], program: 'export', args: ['A=1', 'B'] }],
  ])('%s', (text, expected) => {
    expect(commands(text)[0]).toEqual(expected);
  });

  it('should find the program after xargs in a pipeline', () => {
    const [get, del] = parseCommandLine('kubectl get pods -o name | xargs -n1 kubectl delete').commands;
    expect(get!.terminator).toBe('|');
    expect(shape(del!)).toEqual({ assignments: [], prefixes: ['xargs', '-n1'], program: 'kubectl', args: ['delete'] });
  });

  it('should name a program given by path by its file name', () => {
    expect(parseCommandLine('/usr/local/bin/kubectl get po').commands[0]!.name).toBe('kubectl');
    expect(parseCommandLine('service/my-nginx exposed').commands[0]!.name).toBe('service/my-nginx');
  });
});

describe('parseCommandLine: lists, pipelines and background', () => {
  it('should end each command with the operator that follows it', () => {
    const cs = parseCommandLine('a && b || c; d & e\nf |& g').commands;
    expect(cs.map((c) => [c.program?.value, c.terminator, c.background])).toEqual([
      ['a', '&&', false],
      ['b', '||', false],
      ['c', ';', false],
      ['d', '&', true],
      ['e', '\n', false],
      ['f', '|&', false],
      ['g', '', false],
    ]);
  });

  it('should put a backgrounded list in the background as a whole', () => {
    const cs = parseCommandLine('kubectl proxy --port=8080 && echo ok &').commands;
    expect(cs.map((c) => c.background)).toEqual([true, true]);
  });

  it('should read commands inside loops, conditionals and groups, and say where they are', () => {
    const cs = parseCommandLine('for i in 1 2; do kubectl get pod $i; done\nif true; then echo y; fi\n{ a; }\n(cd x && ls)').commands;
    expect(cs.map((c) => [c.program?.value, c.inside])).toEqual([
      ['kubectl', ['for']],
      ['true', ['if']],
      ['echo', ['if']],
      ['a', ['{']],
      ['cd', ['(']],
      ['ls', ['(']],
    ]);
    expect(parseCommandLine('for i in 1 2; do echo $i; done').loopVariables).toEqual(['i']);
  });

  it('should give a `for NAME in WORDS` loop its name and words, and no words to a C-style one', () => {
    const [loop] = parseCommandLine('for ep in 10.0.0.5:9376 "a b"; do wget -qO- $ep; done').loops;
    expect([loop?.variable, loop?.items?.map((w) => w.value), loop?.body.map((c) => c.name)]).toEqual(['ep', ['10.0.0.5:9376', 'a b'], ['wget']]);
    expect(parseCommandLine('for ((;;)); do date; done').loops[0]?.items).toBeUndefined();
    expect(parseCommandLine('select x in a b; do echo $x; done').loops).toEqual([]);
  });
});

describe('parseCommandLine: words, quotes and substitutions', () => {
  it('should keep quoted text and substitutions whole in a word, unquoted', () => {
    expect(commands(`kubectl get pods -o jsonpath='{.items[0]}' | grep "a b" && echo $(date +%s) \\$HOME; ls`).map((c) => [c.program, ...c.args])).toEqual([
      ['kubectl', 'get', 'pods', '-o', 'jsonpath={.items[0]}'],
      ['grep', 'a b'],
      ['echo', '$(date +%s)', '$HOME'],
      ['date', '+%s'],
      ['ls'],
    ]);
  });

  it('should list the commands of $( … ), backticks and <( … ) as inside them', () => {
    const cs = parseCommandLine('export POD=$(kubectl get pods -o name) && diff <(ls) `date`').commands;
    expect(cs.map((c) => [c.program?.value, c.inside])).toEqual([
      ['export', []],
      ['kubectl', ['$(']],
      ['diff', []],
      ['ls', ['<(']],
      ['date', ['$(']],
    ]);
  });

  it('should report offsets into the text, in UTF-16 units even after non-ASCII text', () => {
    const [c] = parseCommandLine('kubectl  get po –o “wide”').commands;
    expect(c!.words.map((w) => [w.raw, w.start, w.end])).toEqual([
      ['kubectl', 0, 7],
      ['get', 9, 12],
      ['po', 13, 15],
      ['–o', 16, 18],
      ['“wide”', 19, 25],
    ]);
  });

  it('should mark single-quoted text, where $VAR is literal', () => {
    const w = parseCommandLine(`echo 'a $X' "b $Y"`).commands[0]!.args;
    expect(w.map((x) => [x.value, x.singleQuoted, x.quoted])).toEqual([
      ['a $X', [[1, 5]], [[0, 6]]],
      ['b $Y', [], [[0, 6]]],
    ]);
  });

  it('should keep comments apart from the command', () => {
    const line = parseCommandLine('kubectl get po # shows the pods\n# done');
    expect(line.commands.map((c) => c.args.map((w) => w.value))).toEqual([['get', 'po']]);
    expect(line.comments.map((c) => c.text)).toEqual([' shows the pods', ' done']);
  });
});

describe('parseCommandLine: redirections and heredocs', () => {
  it('should record redirections with their descriptor, not as words', () => {
    const [c] = parseCommandLine('kubectl get po 2>&1 >> out.txt < in &> all').commands;
    expect(c!.args.map((w) => w.value)).toEqual(['get', 'po']);
    expect(c!.redirects.map((r) => [r.fd, r.op, r.target.value])).toEqual([
      ['2', '>&', '1'],
      [undefined, '>>', 'out.txt'],
      [undefined, '<', 'in'],
      [undefined, '&>', 'all'],
    ]);
  });

  it('should keep heredoc bodies as data of the command, with continuations joined', () => {
    const line = parseCommandLine("cat <<'EOF' > out.yaml\nkind: Pod\nmetadata: {}\nEOF\nkubectl apply \\\n  -f out.yaml 2>/dev/null");
    expect(line.commands.map((c) => [c.program?.value, ...c.args.map((w) => w.value)])).toEqual([['cat'], ['kubectl', 'apply', '-f', 'out.yaml']]);
    const [heredoc, out] = line.commands[0]!.redirects;
    expect([heredoc!.op, heredoc!.target.value, heredoc!.heredoc]).toEqual([
      '<<',
      'EOF',
      { body: 'kind: Pod\nmetadata: {}\n', start: 23, end: 46, quoted: true },
    ]);
    expect([out!.op, out!.target.value]).toEqual(['>', 'out.yaml']);
    expect(line.commands[1]!.redirects.map((r) => [r.fd, r.op, r.target.value])).toEqual([['2', '>', '/dev/null']]);
  });

  it('should give the data ranges of quotes and heredoc bodies', () => {
    const text = "echo 'a “b”' x“y”\ncat <<EOF\n“z”\nEOF";
    const ranges = dataRanges(parseCommandLine(text));
    const inData = (i: number) => ranges.some(([a, b]) => i > a && i < b - 1);
    expect([text.indexOf('“b'), text.indexOf('“y'), text.indexOf('“z')].map(inData)).toEqual([true, false, true]);
  });
});

describe('parseCommandLine: text that is not valid shell', () => {
  it('should read <placeholders> as words, not redirections', () => {
    const line = parseCommandLine('curl https://<EXTERNAL-IP>:<NODE-PORT> -k && kubectl logs <pod-name> -c <container>');
    expect(line.tolerant).toBe(false);
    expect(line.commands.map((c) => c.words.map((w) => w.value))).toEqual([
      ['curl', 'https://<EXTERNAL-IP>:<NODE-PORT>', '-k'],
      ['kubectl', 'logs', '<pod-name>', '-c', '<container>'],
    ]);
  });

  it('should read a <path/to/file> placeholder as one word', () => {
    const line = parseCommandLine('kubectl create secret generic c --from-file=.cfg=<path/to/.app/config.json> --type=x');
    expect(line.tolerant).toBe(false);
    expect(line.commands[0]!.redirects).toEqual([]);
    expect(line.commands[0]!.words.map((w) => w.value)).toEqual([
      'kubectl',
      'create',
      'secret',
      'generic',
      'c',
      '--from-file=.cfg=<path/to/.app/config.json>',
      '--type=x',
    ]);
  });

  it.each([
    [`echo "it's`, [['echo', "it's"]]],
    [`kubectl exec web -- sh -c 'echo hi`, [['kubectl', 'exec', 'web', '--', 'sh', '-c', 'echo hi']]],
    ['cat <<EOF\nkind: Pod', [['cat']]],
    ['kubectl get po )', [['kubectl', 'get', 'po', ')']]],
  ])('should never throw, and split %j tolerantly', (text, expected) => {
    const line = parseCommandLine(text);
    expect(line.tolerant).toBe(true);
    expect(line.error).toMatch(/\S/);
    expect(line.commands.map((c) => c.words.map((w) => w.value))).toEqual(expected);
  });

  it('should find the program in tolerant mode too', () => {
    const line = parseCommandLine(`FOO=1 timeout 5 kubectl get po -o jsonpath='{.x}`);
    expect(line.tolerant).toBe(true);
    expect(shape(line.commands[0]!)).toEqual({
      assignments: ['FOO=1'],
      prefixes: ['timeout', '5'],
      program: 'kubectl',
      args: ['get', 'po', '-o', 'jsonpath={.x}'],
    });
  });

  it('should parse each text once', () => {
    expect(parseCommandLine('kubectl get po')).toBe(parseCommandLine('kubectl get po'));
  });
});
