import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes files (path → text) under a new temp dir and returns the dir. */
export function makeSite(files: Record<string, string>, prefix = 'kdt-site-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFiles(dir, files);
  return dir;
}

/** Writes (or overwrites) files under dir. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Runs git in dir with a fixed identity; returns stdout. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=docs@example.com', '-c', 'user.name=Docs', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
}

/** `git init` on branch main and a first commit of everything in dir. */
export function initRepo(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'site');
}

/** A page whose only step is `echo <said>`, showing `<shown>` as its output. */
export function echoPage(title: string, said: string, shown = said, extra = ''): string {
  return `# ${title}\n\n${extra}\`\`\`shell\necho ${said}\n\`\`\`\n\n\`\`\`\n${shown}\n\`\`\`\n`;
}

/** Builds dist/ unless it is newer than every file under src/ (the CLI tests spawn the built CLI). */
export async function buildIfStale(): Promise<void> {
  const { execa } = await import('execa');
  const { globSync } = await import('tinyglobby');
  const { statSync, existsSync } = await import('node:fs');
  const built = 'dist/cli/main.js';
  const newest = Math.max(...globSync('src/**/*.ts').map((f) => statSync(f).mtimeMs));
  if (existsSync(built) && statSync(built).mtimeMs > newest) return;
  await execa('npm', ['run', 'build'], { stdio: 'ignore' });
}
