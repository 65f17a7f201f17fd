import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirInside, UnsafePathError, writeInside } from '../../src/run/safe-write.js';
import { tempDir } from '../run/helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(): { base: string; host: string } {
  const t = tempDir('kdt-safe-');
  cleanups.push(t.remove);
  const base = join(t.dir, 'home');
  mkdirSync(base);
  const host = join(t.dir, 'host.txt');
  writeFileSync(host, 'host\n');
  return { base, host };
}

describe('writeInside', () => {
  it('should write and rewrite a plain file, creating folders', () => {
    const { base } = setup();
    writeInside(base, 'a/b/web.yaml', 'one\n');
    writeInside(base, 'a/b/web.yaml', 'two\n');
    expect(readFileSync(join(base, 'a/b/web.yaml'), 'utf8')).toBe('two\n');
  });

  it('should refuse a symlink as the file, leaving its target as it was', () => {
    const { base, host } = setup();
    symlinkSync(host, join(base, 'web.yaml'));
    expect(() => writeInside(base, 'web.yaml', 'evil\n')).toThrow(UnsafePathError);
    expect(readFileSync(host, 'utf8')).toBe('host\n');
    expect(readlinkSync(join(base, 'web.yaml'))).toBe(host);
  });

  it('should refuse a symlink as a folder on the way', () => {
    const { base, host } = setup();
    symlinkSync(join(host, '..'), join(base, 'dir'));
    expect(() => writeInside(base, 'dir/new.yaml', 'evil\n')).toThrow(UnsafePathError);
    expect(() => mkdirInside(base, 'dir/sub')).toThrow(UnsafePathError);
    expect(existsSync(join(host, '..', 'new.yaml'))).toBe(false);
    expect(existsSync(join(host, '..', 'sub'))).toBe(false);
  });

  it('should refuse a hard link to another file and a FIFO, without blocking', () => {
    const { base, host } = setup();
    linkSync(host, join(base, 'hard.yaml'));
    execFileSync('mkfifo', [join(base, 'fifo.yaml')]);
    expect(() => writeInside(base, 'hard.yaml', 'evil\n')).toThrow(/hard link/);
    expect(() => writeInside(base, 'fifo.yaml', 'evil\n')).toThrow(UnsafePathError);
    expect(readFileSync(host, 'utf8')).toBe('host\n');
  });

  it('should refuse paths that leave the base', () => {
    const { base } = setup();
    expect(() => writeInside(base, '../escape.yaml', 'x')).toThrow(UnsafePathError);
  });
});
