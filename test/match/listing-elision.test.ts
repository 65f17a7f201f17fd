import { describe, expect, test } from 'vitest';
import { matchOutput } from '../../src/match/index.js';
import type { Difference } from '../../src/match/index.js';

/** [case, command, doc output, actual output, ok, differences that must be reported]. */
type Case = [string, string, string, string, boolean, Partial<Difference>[]];

const PS = [
  'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
  'root           1  0.0  0.1  11404  7412 ?        Ss   09:30   0:00 nginx: master process nginx -g daemon off;',
  'nginx         29  0.0  0.0  11872  2852 ?        S    09:30   0:00 nginx: worker process',
  'nginx         30  0.0  0.0  11872  2852 ?        S    09:30   0:00 nginx: worker process',
  'root          41  0.0  0.0   4188  3412 pts/0    Ss   09:31   0:00 bash',
  'root          48  0.0  0.0   8088  4024 pts/0    R+   09:31   0:00 ps aux',
].join('\n');

const DF = [
  'Filesystem      Size  Used Avail Use% Mounted on',
  'overlay          59G   21G   36G  37% /',
  'tmpfs            64M     0   64M   0% /dev',
  '/dev/sda1        59G   21G   36G  37% /etc/hosts',
].join('\n');

const LS = [
  'total 12',
  'drwxrwxrwx 3 root root 4096 Mar  4 10:02 .',
  'drwxr-xr-x 1 root root 4096 Mar  4 10:01 ..',
  'lrwxrwxrwx 1 root root   11 Mar  4 10:02 config -> ..data/config',
  '-rw-r--r-- 1 root root  120 Mar  4 10:02 notes.txt',
].join('\n');

const CASES: Case[] = [
  [
    'ps: a ... column elides the columns there; the rows the doc leaves out are the reader’s session and workers',
    'ps aux',
    'USER       PID  ...  STAT START   TIME COMMAND\nroot         1  ...  Ss   14:02   0:00 nginx: master process nginx -g daemon off;',
    PS,
    true,
    [{ kind: 'extra-line', environment: true }],
  ],
  [
    'ps: a ... column does not excuse a wrong command',
    'ps aux',
    'USER       PID  ...  STAT START   TIME COMMAND\nroot         1  ...  Ss   14:02   0:00 httpd -DFOREGROUND',
    PS,
    false,
    [{ kind: 'wrong-value', line: 2, message: 'row root, column COMMAND: doc httpd -DFOREGROUND, actual nginx: master process nginx -g daemon off;' }],
  ],
  [
    'ps: a ... column does not excuse a wrong user or a wrong PID 1',
    'ps aux',
    'USER       PID  ...  STAT START   TIME COMMAND\nnginx        1  ...  Ss   14:02   0:00 nginx: master process nginx -g daemon off;',
    PS,
    false,
    [{ kind: 'wrong-value', line: 2 }],
  ],
  [
    'ps: a doc header of another program is not read as this one',
    'ps aux',
    'PID   USER     ...  COMMAND\n    1 root      ...  nginx: master process nginx -g daemon off;',
    PS,
    false,
    [],
  ],
  [
    'df: columns elided between Filesystem and Use%',
    'df -h',
    'Filesystem   ...  Use% Mounted on\noverlay      ...   37% /\ntmpfs        ...    0% /dev',
    DF,
    false,
    [{ kind: 'extra-line', message: 'row /dev/sda1: extra in actual output' }],
  ],
  ['df: a ... row lets the other mounts go', 'df -h', 'Filesystem   ...  Use% Mounted on\noverlay      ...   37% /\n...', DF, true, []],
  [
    'df: a wrong mount point still fails',
    'df -h',
    'Filesystem   ...  Use% Mounted on\noverlay      ...   37% /data\n...',
    DF,
    false,
    [{ kind: 'wrong-value', line: 2 }],
  ],
  [
    'ls -l: a ... elides the columns up to the time, found by what the cells look like',
    'ls -la /config',
    'drwxrwxrwx  ... Feb 6 21:47 .\ndrwxr-xr-x  ... Feb 6 21:47 ..\nlrwxrwxrwx  ... Feb 6 21:47 config -> ..data/config\n-rw-r--r--  ... Feb 6 21:47 notes.txt',
    LS,
    true,
    [],
  ],
  [
    'ls -l: a wrong mode or link target beside a ... still fails',
    'ls -la /config',
    'drwxrwxrwx  ... Feb 6 21:47 .\ndrwxr-xr-x  ... Feb 6 21:47 ..\nlrwxrwxrwx  ... Feb 6 21:47 config -> ..2024/config\n-rwxr-xr-x  ... Feb 6 21:47 notes.txt',
    LS,
    false,
    [{ line: 3 }, { kind: 'wrong-value', line: 4, message: 'row notes.txt, column MODE: doc -rwxr-xr-x, actual -rw-r--r--' }],
  ],
];

describe('inline ... in listings of other programs (ps, df, ls -l)', () => {
  test.each(CASES)('%s', (_name, command, expected, actual, ok, differences) => {
    const result = matchOutput({ expected, actual, mode: 'similar', line: 1, column: 1, command });
    expect(result.ok, JSON.stringify(result.differences, null, 1)).toBe(ok);
    for (const d of differences) expect(result.differences).toContainEqual(expect.objectContaining(d));
  });
});
