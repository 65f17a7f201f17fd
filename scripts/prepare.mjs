#!/usr/bin/env node
// `npm ci` and the first `npx kubedoctest` in a checkout run `prepare`. Building takes tens of
// seconds, so it is skipped when dist/ is newer than every input of the build.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const mtime = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs;

/** The newest modification time of the build's inputs. */
function newestInput(dir = root) {
  const inputs = ['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => join(dir, f));
  for (const f of readdirSync(join(dir, 'src'), { recursive: true })) if (String(f).endsWith('.ts')) inputs.push(join(dir, 'src', String(f)));
  return Math.max(...inputs.map((f) => mtime(f) ?? 0));
}

/** Whether dist/ was built after the last change to its inputs. */
function distIsFresh(dir = root) {
  const built = mtime(join(dir, 'dist', 'cli', 'main.js'));
  return built !== undefined && built >= newestInput(dir);
}

if (process.argv[1] === import.meta.filename) {
  if (distIsFresh() && process.env.KUBEDOCTEST_REBUILD !== '1') {
    process.stderr.write('kubedoctest: dist/ is up to date; not rebuilding (npm run build forces it)\n');
  } else {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  }
}
