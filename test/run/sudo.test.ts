import { describe, expect, it } from 'vitest';
import { dropRootSudo } from '../../src/run/rewrite/sudo.js';

describe('dropRootSudo', () => {
  it.each([
    ['sudo mkdir /mnt/data', 'mkdir /mnt/data', 1],
    ['sudo -E sh -c "echo hi > /srv/f"', 'sh -c "echo hi > /srv/f"', 1],
    ['sudo -u root rm /srv/f', 'rm /srv/f', 1],
    ['sudo rm /a && sudo rmdir /b', 'rm /a && rmdir /b', 2],
    ['cat /x | sudo tee /y', 'cat /x | tee /y', 1],
    ['timeout 5 sudo ls', 'timeout 5 ls', 1],
  ])('should drop the root sudo of %j', (input, output, dropped) => {
    expect(dropRootSudo(input)).toEqual({ command: output, dropped });
  });

  it.each([['sudo -u app id'], ['sudo --user=app id'], ['sudo -g wheel id'], ['echo sudo mkdir /x'], ['ls /etc/sudoers']])(
    'should keep %j as written',
    (input) => {
      expect(dropRootSudo(input)).toEqual({ command: input, dropped: 0 });
    },
  );
});
