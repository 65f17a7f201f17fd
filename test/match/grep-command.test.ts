import { describe, expect, test } from 'vitest';
import { grepContextOf } from '../../src/match/grep-command.js';

const SVC = 'kubectl get svc my-nginx -o yaml';

describe('grepContextOf', () => {
  test.each<[string, number, number]>([
    [`${SVC} | grep nodePort -C 5`, 5, 5],
    [`${SVC} | grep -C5 nodePort`, 5, 5],
    [`${SVC} | grep -C 1 nodePort`, 1, 1],
    [`${SVC} | grep -A 3 nodePort`, 0, 3],
    [`${SVC} | grep -A3 nodePort`, 0, 3],
    [`${SVC} | grep -B 2 nodePort`, 2, 0],
    [`${SVC} | grep -B 2 -A 4 nodePort`, 2, 4],
    [`${SVC} | grep --context=2 nodePort`, 2, 2],
    [`${SVC} | grep --context 2 nodePort`, 2, 2],
    [`${SVC} | grep --after-context=3 nodePort`, 0, 3],
    [`${SVC} | grep --before-context 4 nodePort`, 4, 0],
    [`${SVC} | grep -3 nodePort`, 3, 3],
    [`${SVC} | grep -iC2 nodeport`, 2, 2],
    [`${SVC} | LC_ALL=C grep -C 2 nodePort 2>/dev/null`, 2, 2],
    ['kubectl describe svc my-nginx | grep -C 1 ExternalIP', 1, 1],
  ])('%s → before %i, after %i', (command, before, after) => {
    expect(grepContextOf(command)).toMatchObject({ before, after });
  });

  test.each([
    [`${SVC} | grep nodePort`, 'no context option'],
    [SVC, 'no grep'],
    [`${SVC} | grep -C 5 nodePort | head -20`, 'grep is not the last stage'],
    [`${SVC} | grep -C 5 nodePort; echo done`, 'another command after grep'],
    [`${SVC} | grep -n -C 5 nodePort`, 'line numbers prefix each line'],
    [`${SVC} | grep -vC 5 nodePort`, 'inverted match'],
    [`${SVC} | grep -c -C 5 nodePort`, 'a count, not lines'],
    ['grep -C 5 nodePort a.yaml b.yaml', 'file names prefix each line'],
    [`${SVC} | grep -C x nodePort`, 'not a number'],
    [`${SVC} | grep --frobnicate -C 5 nodePort`, 'an unknown option'],
    [`${SVC} | grep -C 5 '[[=a=]]'`, 'a collating class'],
  ])('%s → undefined (%s)', (command) => {
    expect(grepContextOf(command)).toBeUndefined();
  });

  test.each<[string, string, boolean]>([
    [`${SVC} | grep -C 1 nodePort`, '    nodePort: 31704', true],
    [`${SVC} | grep -C 1 nodePort`, '    port: 8080', false],
    [`${SVC} | grep -C 1 -i NODEPORT`, '    nodePort: 31704', true],
    [`${SVC} | grep -C 1 NODEPORT`, '    nodePort: 31704', false],
    [`${SVC} | grep -C 1 'port\\|name'`, '  - name: http', true],
    [`${SVC} | grep -C 1 'port|name'`, '  - name: http', false],
    [`${SVC} | grep -C 1 'port|name'`, 'a port|name b', true],
    [`${SVC} | grep -E -C 1 'port|name'`, '  - name: http', true],
    [`${SVC} | egrep -C 1 'Port: [0-9]+'`, '    nodePort: 31704', true],
    [`${SVC} | grep -C 1 -e nodePort -e targetPort`, '    targetPort: 80', true],
    [`${SVC} | grep -F -C 1 'a.b'`, 'axb', false],
    [`${SVC} | grep -C 1 'a.b'`, 'axb', true],
    [`${SVC} | grep -w -C 1 port`, '    port: 8080', true],
    [`${SVC} | grep -w -C 1 port`, '    report: none', false],
    [`${SVC} | grep -x -C 1 'spec:'`, 'spec:', true],
    [`${SVC} | grep -x -C 1 'spec:'`, '  spec:', false],
    [`${SVC} | grep -C 1 'Port: [[:digit:]]\\{5\\}'`, '    nodePort: 31704', true],
    [`${SVC} | grep -C 1 'Port: [[:digit:]]\\{5\\}'`, '    targetPort: 80', false],
    [`${SVC} | grep -C 1 '*Port'`, 'a *Port', true],
    [`${SVC} | grep -C 1 '\\<port\\>'`, '    port: 8080', true],
    [`${SVC} | grep -C 1 '\\<port\\>'`, '    report: none', false],
  ])('%s: hit %j → %s', (command, line, hit) => {
    expect(grepContextOf(command)?.hit.test(line)).toBe(hit);
  });
});
