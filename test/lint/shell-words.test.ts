import { describe, expect, it } from 'vitest';
import { splitShell } from '../../src/lint/shell-words.js';

const words = (text: string) => splitShell(text).map((s) => s.words.map((w) => w.value));

describe('splitShell', () => {
  it('splits on operators and keeps quoted text and substitutions whole', () => {
    expect(words(`kubectl get pods -o jsonpath='{.items[0]}' | grep "a b" && echo $(date +%s); ls`)).toEqual([
      ['kubectl', 'get', 'pods', '-o', 'jsonpath={.items[0]}'],
      ['grep', 'a b'],
      ['echo', '$(date +%s)'],
      ['ls'],
    ]);
  });

  it('records redirections, skips heredoc bodies and joins continuation lines', () => {
    const segs = splitShell('cat <<EOF > out.yaml\nkind: Pod\nEOF\nkubectl apply \\\n  -f out.yaml 2>/dev/null');
    expect(segs.map((s) => s.words.map((w) => w.value))).toEqual([['cat'], ['kubectl', 'apply', '-f', 'out.yaml']]);
    expect(segs[0]!.redirects.map((r) => [r.op, r.target.value])).toEqual([
      ['<<', 'EOF'],
      ['>', 'out.yaml'],
    ]);
    expect(segs[1]!.redirects.map((r) => [r.op, r.target.value])).toEqual([['>', '/dev/null']]);
  });

  it('treats <placeholder> as text, not as a redirection', () => {
    expect(words('curl https://<EXTERNAL-IP>:<NODE-PORT> -k')).toEqual([['curl', 'https://<EXTERNAL-IP>:<NODE-PORT>', '-k']]);
  });

  it('reports offsets into the command text', () => {
    const [seg] = splitShell('kubectl  get');
    expect(seg!.words.map((w) => [w.start, w.end])).toEqual([
      [0, 7],
      [9, 12],
    ]);
  });
});
