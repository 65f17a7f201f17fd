import { describe, expect, it } from 'vitest';
import { continues, feedLine, newContinuation } from '../../src/shell/continuation.js';

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
