import { describe, expect, it } from 'vitest';
import { downloads, parseCommandLine, writtenFiles } from '../../src/shell/index.js';

const read = (line: string): Array<[string, string | null]> =>
  parseCommandLine(line).commands.flatMap((c) => downloads(c).map((d): [string, string | null] => [d.url, d.file]));
const U = 'https://x.io/a/b.yaml';

describe('downloads: where curl and wget save what they fetch', () => {
  it.each<[string, Array<[string, string | null]>]>([
    [`curl -sL ${U}`, [[U, null]]],
    [`curl -sLO ${U}`, [[U, 'b.yaml']]],
    [`curl -fsSLo out.yaml ${U}`, [[U, 'out.yaml']]],
    [`curl -H 'Accept: text/plain' --output=o.yaml ${U}`, [[U, 'o.yaml']]],
    [`curl -o - ${U}`, [[U, null]]],
    [`curl --output-dir dl -O ${U}`, [[U, 'dl/b.yaml']]],
    // Each -o names the file of the next URL; a URL with none is written to the output.
    [
      `curl -o one ${U} ${U}2`,
      [
        [U, 'one'],
        [`${U}2`, null],
      ],
    ],
    [`wget ${U}`, [[U, 'b.yaml']]],
    [`wget -qO- ${U}`, [[U, null]]],
    [`wget -qO x.yaml ${U}`, [[U, 'x.yaml']]],
    [`wget --output-document=x.yaml ${U}`, [[U, 'x.yaml']]],
    [`wget -P conf ${U}`, [[U, 'conf/b.yaml']]],
    [`wget --header 'X: y' ${U}`, [[U, 'b.yaml']]],
    [`kubectl apply -f ${U}`, []],
  ])('%s', (line, expected) => {
    expect(read(line)).toEqual(expected);
  });

  it('should be what writtenFiles lists, with the redirections apart', () => {
    expect(writtenFiles(parseCommandLine(`curl -sL ${U} > saved.yaml`).commands[0]!).paths).toEqual(['saved.yaml']);
    expect(writtenFiles(parseCommandLine(`wget -P conf ${U}`).commands[0]!).paths).toEqual(['conf/b.yaml', 'conf/*']);
  });
});
