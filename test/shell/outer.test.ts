import { describe, expect, it } from 'vitest';
import { commandWords, outerCommands } from '../../src/shell/index.js';

describe('outerCommands', () => {
  it('should leave out what runs inside $(…) and <(…), and keep loops, lists and pipelines', () => {
    const line = 'for p in $(kubectl get pods -o name); do kubectl delete $p; done && diff <(sort a) b | wc -l';
    expect(outerCommands(line).map((c) => c.name)).toEqual(['kubectl', 'diff', 'wc']);
  });

  it('should keep a bare assignment, with no words', () => {
    const [assign, echo] = outerCommands('X=$(date) ; echo "$X"');
    expect(assign!.program).toBeUndefined();
    expect(commandWords(assign!)).toEqual([]);
    expect(commandWords(echo!)).toEqual(['echo', '$X']);
  });

  it('should give the program as written and the arguments unquoted, prefixes apart', () => {
    expect(commandWords(outerCommands("sudo /usr/bin/tail -n 5 'my file'")[0]!)).toEqual(['/usr/bin/tail', '-n', '5', 'my file']);
  });
});
