#!/usr/bin/env node
/**
 * Regenerates src/shell/data/kubectl-flags.ts from kubectl's own help: `kubectl options` for the
 * global flags and `kubectl <command> --help` for every command of the tree. A flag whose default
 * is `true`/`false` is a boolean; every other flag takes a value.
 *
 * Usage: node scripts/gen-kubectl-flags.mjs [path-to-kubectl]   (default: kubectl.1.32 beside kubectl)
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const kubectl = process.argv[2] ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const help = (args) => execFileSync(kubectl, args, { encoding: 'utf8', env: { ...process.env, KUBECONFIG: '/dev/null' } });

/** Flags of one help text: `-n, --namespace='':` → value flags and boolean flags. */
function flags(text) {
  const value = [];
  const bool = [];
  for (const m of text.matchAll(/^ {4}(?:-([A-Za-z]), )?--([\w-]+)=(.*):$/gm)) {
    const list = m[3] === 'true' || m[3] === 'false' ? bool : value;
    if (m[1]) list.push(`-${m[1]}`);
    list.push(`--${m[2]}`);
  }
  return { value, bool };
}

/** Subcommand names listed under "Available Commands:" (or the grouped sections of the root help). */
function subcommands(text) {
  const head = text.split(/^Usage:/m)[0];
  const names = [];
  for (const m of head.matchAll(/^ {2}([a-z][\w-]*) {2,}\S/gm)) names.push(m[1]);
  return names;
}

const version = help(['version', '--client']).match(/Client Version: (\S+)/)[1];
const global = flags(help(['options']));
const commands = {};
const walk = (path) => {
  const text = help([...path, '--help']);
  if (path.length > 0) commands[path.join(' ')] = flags(text.split(/^Options:$/m)[1]?.split(/^Usage:$/m)[0] ?? '');
  for (const sub of subcommands(text)) if (!['help', 'options'].includes(sub) || path.length > 0) walk([...path, sub]);
};
walk([]);

const list = (xs) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;
const rows = Object.entries(commands)
  .map(([path, f]) => `  '${path}': { value: ${list(f.value)}, bool: ${list(f.bool)} },`)
  .join('\n');
writeFileSync(
  new URL('../src/shell/data/kubectl-flags.ts', import.meta.url),
  `/**
 * kubectl's flags as data, generated from kubectl ${version}'s own help by
 * scripts/gen-kubectl-flags.mjs (do not edit by hand; rerun the script).
 * \`value\` flags take a value (\`-n x\` or \`-n=x\`); \`bool\` flags do not.
 */

/** Flags every kubectl command accepts (\`kubectl options\`). */
export const KUBECTL_GLOBAL_FLAGS: { readonly value: readonly string[]; readonly bool: readonly string[] } = { value: ${list(global.value)}, bool: ${list(global.bool)} };

/** Each command path (\`create secret tls\`) with its own flags. */
export const KUBECTL_COMMAND_FLAGS: Readonly<Record<string, { readonly value: readonly string[]; readonly bool: readonly string[] }>> = {
${rows}
};
`,
);
console.log(`kubectl ${version}: ${Object.keys(commands).length} commands, ${global.value.length + global.bool.length} global flags`);
