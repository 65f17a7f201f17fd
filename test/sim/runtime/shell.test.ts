import { describe, expect, it } from 'vitest';
import { runSh } from './helpers.js';

type Case = [script: string, stdout: string, code?: number, stdin?: string];

const cases: Case[] = [
  ['for i in 1 2 3; do echo $i; done | wc -l', '3\n'],
  ['echo a; echo b && echo c || echo d', 'a\nb\nc\n'],
  ['false || echo recovered; false && echo never', 'recovered\n', 1],
  ['x=world; echo "hello $x" \'$x\' ${x}s', 'hello world $x worlds\n'],
  ['echo "$(echo inner) `echo back`"', 'inner back\n'],
  ['echo $((2 + 3 * 4)) $((10 / 3)) $((7 % 4))', '14 3 3\n'],
  ['i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i', '3\n'],
  ['for f in a b; do for g in 1 2; do printf "%s%s " $f $g; done; done; echo', 'a1 a2 b1 b2 \n'],
  ['if [ "a" = "b" ]; then echo yes; elif [ -d /tmp ]; then echo tmp; else echo no; fi', 'tmp\n'],
  ['case foo.txt in *.md) echo md;; *.txt) echo txt;; esac', 'txt\n'],
  ['echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f; wc -l < /tmp/f', 'one\ntwo\n2\n'],
  ['ls /nope 2>&1 | head -1', 'ls: /nope: No such file or directory\n'],
  ['ls /nope 2>/dev/null; echo $?', '1\n'],
  ['f() { echo "args: $# $1 $2"; return 4; }; f a b; echo $?', 'args: 2 a b\n4\n'],
  ['set -- x y z; shift; echo "$@"', 'y z\n'],
  ['echo ${UNSET:-default} ${HOME:+set} ${#HOME}', 'default set 5\n'],
  ['v=a.b.c; echo ${v%%.*} ${v#*.} ${v%.*} ${v##*.}', 'a b.c a.b c\n'],
  ['cat <<EOF\nhello $HOSTNAME\nEOF', 'hello test-pod\n'],
  ["cat <<'EOF'\nno $expansion\nEOF", 'no $expansion\n'],
  ['read a b; echo "$b-$a"', 'y-x\n', 0, 'x y\n'],
  ['while read line; do echo "[$line]"; done', '[1]\n[2]\n', 0, '1\n2\n'],
  ['echo a b c | tr " " "\\n" | sort -r | head -2', 'c\nb\n'],
  ['(cd /etc && pwd); pwd', '/etc\n/\n'],
  ['exit 42', '', 42],
  // Names of Object.prototype members are not commands (found by the property test).
  ['valueOf; constructor; toString; echo $?', '127\n', 0],
  ['! true; echo $?', '1\n'],
  ['echo {a,b}', '{a,b}\n'],
  ['mkdir -p /tmp/d && touch /tmp/d/x.txt /tmp/d/y.txt && echo /tmp/d/*.txt', '/tmp/d/x.txt /tmp/d/y.txt\n'],
  ['echo /nomatch/*', '/nomatch/*\n'],
  ['x="a  b"; for w in $x; do echo "<$w>"; done', '<a>\n<b>\n'],
  ['x="a  b"; for w in "$x"; do echo "<$w>"; done', '<a  b>\n'],
  ["export A=1; sh -c 'echo $A'", '1\n'],
  ['B=2 sh -c \'echo $B\'; echo "${B:-unset}"', '2\nunset\n'],
  ['[ 3 -gt 2 ] && [ -n "x" ] && [ ! -e /nope ] && echo ok', 'ok\n'],
  ['test -z "" ; echo $?', '0\n'],
  ['printf "%05d|%-4s|%x\\n" 42 ab 255', '00042|ab  |ff\n'],
  ['echo -n no-newline', 'no-newline'],
  ['i=0; until [ $i -eq 2 ]; do i=$((i+1)); echo $i; done', '1\n2\n'],
  ['for i in 1 2 3 4; do [ $i -eq 2 ] && continue; [ $i -eq 4 ] && break; echo $i; done', '1\n3\n'],
  ['echo $0', 'sh\n'],
  ['{ echo grouped; echo twice; } | wc -l', '2\n'],
];

describe('shell interpreter (busybox ash)', () => {
  it.each(cases)('%s', async (script, stdout, code = 0, stdin) => {
    const r = await runSh(script, { stdin });
    expect(r.stdout).toBe(stdout);
    expect(r.code).toBe(code);
  });
});

describe('shell error messages per shell', () => {
  it.each([
    ['ash', 'busybox:1.36', 'nosuch', 'sh: nosuch: not found\n', 127],
    ['dash', 'nginx', 'nosuch', 'sh: 1: nosuch: not found\n', 127],
    ['bash', 'nginx', 'nosuch', 'bash: line 1: nosuch: command not found\n', 127],
    ['ash', 'busybox:1.36', 'echo > /no/dir/f', "sh: can't create /no/dir/f: nonexistent directory\n", 1],
    ['dash', 'nginx', 'echo > /no/dir/f', 'sh: 1: cannot create /no/dir/f: Directory nonexistent\n', 2],
    ['bash', 'nginx', 'cat < /nope', 'bash: line 1: /nope: No such file or directory\n', 1],
    ['ash', 'busybox:1.36', 'cd /nope', "sh: cd: can't cd to /nope: No such file or directory\n", 2],
    ['dash', 'nginx', 'if true; then echo', 'sh: 1: Syntax error: end of file unexpected\n', 2],
    ['dash', 'nginx', 'echo a; fi', 'sh: 1: Syntax error: "fi" unexpected\n', 2],
    ['bash', 'nginx', 'echo a; fi', "bash: -c: line 1: syntax error near unexpected token `fi'\n", 2],
  ] as const)('%s: %s', async (kind, image, script, stderr, code) => {
    const r = await runSh(script, { image, kind });
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(code);
  });

  it('bash expands braces, sh does not', async () => {
    expect((await runSh('echo {1..3} x{a,b}y', { image: 'nginx', kind: 'bash' })).stdout).toBe('1 2 3 xay xby\n');
    expect((await runSh('for i in {1..3}; do echo $i; done', { image: 'nginx', kind: 'dash' })).stdout).toBe('{1..3}\n');
  });

  it('set -e stops at the first failure', async () => {
    const r = await runSh('set -e; echo a; false; echo b');
    expect(r.stdout).toBe('a\n');
    expect(r.code).toBe(1);
  });

  it('scripts in the vfs run through their shebang', async () => {
    const r = await runSh('printf "#!/bin/sh\\necho from-script \\$1\\n" > /tmp/s.sh; chmod +x /tmp/s.sh; /tmp/s.sh arg; sh /tmp/s.sh two');
    expect(r.stdout).toBe('from-script arg\nfrom-script two\n');
  });
});
