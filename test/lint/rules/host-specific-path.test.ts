import { describe, expect, it } from 'vitest';
import { cmd, lintOne } from '../helpers.js';

describe('host-specific-path', () => {
  it('reports author-machine paths', () => {
    const ds = lintOne(
      'host-specific-path',
      cmd(176, 'openssl req -keyout /d/tmp/nginx.key -out /d/tmp/nginx.crt'),
      cmd(177, 'cp ~/Downloads/a.yaml /Users/alice/b.yaml C:\\temp\\x'),
    );
    expect(ds.map((d) => d.actual)).toEqual(['/d/tmp/nginx.key', '/d/tmp/nginx.crt', '~/Downloads/a.yaml', '/Users/alice/b.yaml', 'C:\\temp\\x']);
    expect(ds.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('accepts portable paths', () => {
    expect(lintOne('host-specific-path', cmd(1, 'cat /tmp/nginx.crt ./a.yaml $HOME/x /home/$USER/y'))).toEqual([]);
  });
});
