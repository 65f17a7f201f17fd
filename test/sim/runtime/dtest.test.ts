import { describe, expect, it } from 'vitest';
import { runSh } from './helpers.js';

describe('[[ … ]] in bash', () => {
  it('should evaluate string, file and numeric tests', async () => {
    const r = await runSh('[[ a == a ]] && echo eq; [[ a == b ]] || echo ne; [[ -d / ]] && echo dir; [[ 3 -gt 2 ]] && echo gt', {
      image: 'debian:12',
      kind: 'bash',
    });
    expect(r.stdout).toBe('eq\nne\ndir\ngt\n');
  });

  it('should keep the groups of =~ in BASH_REMATCH, parentheses of the pattern included', async () => {
    const r = await runSh('h=web-12; [[ $h =~ -([0-9]+)$ ]] && echo "${BASH_REMATCH[1]} $BASH_REMATCH ${BASH_REMATCH[0]}"', {
      image: 'debian:12',
      kind: 'bash',
    });
    expect(r.stdout).toBe('12 -12 -12\n');
  });

  it('should clear BASH_REMATCH and fail when =~ does not match', async () => {
    const r = await runSh('h=web-12; [[ $h =~ -([0-9]+)$ ]]; [[ $h =~ ^x(y)$ ]]; echo "$? [${BASH_REMATCH[1]}]"', { image: 'debian:12', kind: 'bash' });
    expect(r.stdout).toBe('1 []\n');
  });
});
