/** Which files a simple command's redirections write. */
import { describe, expect, it } from 'vitest';
import { parseCommandLine, redirectedFiles } from '../../src/shell/index.js';

const files = (line: string, stdoutOnly = false) => redirectedFiles(parseCommandLine(line).commands[0]!, { stdoutOnly }).map((w) => w.value);

describe('redirectedFiles', () => {
  it('names every file a redirection writes, in order', () => {
    expect(files('kubectl get pod x -o yaml > pod.yaml')).toEqual(['pod.yaml']);
    expect(files('echo a >> log.txt 2> err.txt')).toEqual(['log.txt', 'err.txt']);
    expect(files('echo a >| forced.txt &> all.txt &>> more.txt')).toEqual(['forced.txt', 'all.txt', 'more.txt']);
  });

  it('names no file for a descriptor, a read or a heredoc', () => {
    expect(files('make 2>&1')).toEqual([]);
    expect(files('wc -l < in.txt')).toEqual([]);
    expect(files("cat <<'EOF'\nx\nEOF")).toEqual([]);
  });

  it('keeps to standard output when asked', () => {
    expect(files('cmd 2> err.txt 1> out.txt &> both.txt', true)).toEqual(['out.txt', 'both.txt']);
  });
});
