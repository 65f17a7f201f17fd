import { readFileSync } from 'node:fs';
import sh from 'mvdan-sh';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { continues, feedLine, isPlainlyComplete, newContinuation } from '../../src/shell/continuation.js';
import { maskForParser } from '../../src/shell/parse.js';

/** How many of the lines one command takes, fed one at a time as the parser does. */
function taken(lines: string[]): number {
  const s = newContinuation();
  let n = 0;
  for (const line of lines) {
    feedLine(s, line);
    n++;
    if (!continues(s)) break;
  }
  return n;
}

describe('command continuation', () => {
  it.each([
    [['kubectl get pods', 'next'], 1],
    [['kubectl get pods \\', '  -o wide', 'next'], 2],
    [['kubectl get pods \\ ', 'next'], 1],
    [['kubectl get pods |', '  grep web', 'next'], 2],
    [['a &&', 'b ||', 'c', 'next'], 3],
    [['echo "one', 'two"', 'next'], 2],
    [["echo 'it''s", "'", 'next'], 2],
    [["kubectl get pods # it's running", 'next'], 1],
    [['cat <<EOF > x.yaml', 'kind: Pod', 'EOF', 'next'], 3],
    [["cat <<'EOF' | kubectl apply -f -", 'kind: Pod', 'EOF', 'next'], 3],
    [['cat <<-EOF', '\tkind: Pod', '\tEOF', 'next'], 3],
    // Docs indent the delimiter or leave blanks after it; it still ends the body.
    [['cat <<EOF', 'kind: Pod', '  EOF  ', 'next'], 3],
    [['for i in a b', 'do', '  echo $i', 'done', 'next'], 4],
    [['if true; then', '  echo y', 'fi', 'next'], 3],
    [['{ echo a;', 'echo b; }', 'next'], 2],
    [['echo $(date', ')', 'next'], 2],
    [['kubectl logs <pod-name> -c <container>', 'next'], 1],
    // Not shell at all: the line ends there.
    [['kubectl get po )', 'next'], 1],
  ] as Array<[string[], number]>)('%j takes %i line(s)', (lines, n) => {
    expect(taken(lines)).toBe(n);
  });

  it('should end a heredoc only at its delimiter, whatever the body lines hold', () => {
    const s = newContinuation();
    for (const line of ["cat <<'END' <<-EOF2 | kubectl apply -f -", 'kind: Pod', '# not END here', '  END', 'metadata:', 'EOF2x']) {
      feedLine(s, line);
      expect([continues(s), s.inHeredoc]).toEqual([true, true]);
    }
    feedLine(s, '\tEOF2');
    expect([continues(s), s.inHeredoc]).toEqual([false, false]);
  });

  it('should say when the next line is a heredoc body', () => {
    const s = newContinuation();
    feedLine(s, 'cat <<EOF | kubectl apply -f -');
    expect([continues(s), s.inHeredoc]).toEqual([true, true]);
    feedLine(s, '> not a prompt here');
    expect(s.inHeredoc).toBe(true);
    feedLine(s, 'EOF');
    expect([continues(s), s.inHeredoc]).toEqual([false, false]);
  });
});

describe('isPlainlyComplete', () => {
  it.each([
    ['kubectl get pods -o wide', true],
    ['kubectl scale deployment/web --replicas=3', true],
    ['kubectl get pods\nkubectl get svc', true],
    ['', true],
    // Each of these opens a construct, or could: the parser decides.
    ['for i in a b', false],
    ['while true', false],
    ['if true', false],
    ['kubectl get pods |', false],
    ['kubectl get pods \\', false],
    ['echo "one', false],
    ["echo 'one", false],
    ['cat <<EOF', false],
    ['echo $(date', false],
    ['{ echo a', false],
    ['time', false],
    ['echo a &&', false],
  ])('%j → %s', (text, plain) => {
    expect(isPlainlyComplete(text)).toBe(plain);
  });

  it('should never call a line complete that the shell parser finds open (every line of the fixture pages)', () => {
    const parser = sh.syntax.NewParser(sh.syntax.Variant(sh.syntax.LangBash));
    const lines = globSync(['fixtures/corpus/**/*.md', 'fixtures/seed/*.md']).flatMap((f) => readFileSync(f, 'utf8').split('\n'));
    const plain = lines.map((l) => l.trim()).filter((l) => isPlainlyComplete(l));
    expect(plain.length).toBeGreaterThan(1000);
    const open = plain.filter((l) => {
      try {
        parser.Parse(l, '');
        return false;
      } catch (err) {
        return sh.syntax.IsIncomplete(err);
      }
    });
    expect(open).toEqual([]);
  });
});

describe('feedLine on every code block of the fixture pages', () => {
  it('should give the verdicts the shell parser gives when asked at every line', () => {
    const parser = sh.syntax.NewParser(sh.syntax.Variant(sh.syntax.LangBash));
    const reference = (lines: string[]): [boolean, boolean] => {
      try {
        parser.Parse(maskForParser(lines.join('\n')), '');
        return [false, false];
      } catch (err) {
        const e = err as { Error?: () => string };
        const message = typeof e.Error === 'function' ? e.Error() : '';
        if (message.includes('unclosed here-document')) return [true, true];
        return [sh.syntax.IsIncomplete(err), false];
      }
    };
    const blocks = globSync(['fixtures/corpus/**/*.md', 'fixtures/seed/*.md']).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/^ *```[^\n]*\n([\s\S]*?)^ *```/gm)].map((m) => m[1]!.split('\n')),
    );
    let heredocLines = 0;
    const differences: string[] = [];
    for (const block of blocks) {
      let s = newContinuation();
      for (const line of block) {
        feedLine(s, line);
        const [open, inHeredoc] = reference(s.lines);
        const expectedOpen = open || /(^|[^\\])(\\\\)*\\$/.test(line);
        if (inHeredoc) heredocLines++;
        if (continues(s) !== expectedOpen || s.inHeredoc !== inHeredoc) differences.push(s.lines.join('\n'));
        if (!continues(s)) s = newContinuation();
      }
    }
    expect(heredocLines).toBeGreaterThan(100);
    expect(differences).toEqual([]);
  });
});
