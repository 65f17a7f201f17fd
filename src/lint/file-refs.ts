import { isUrl, parseKubectl, type SimpleCommand } from './command-model.js';
import { redirectedFiles, type ShellWord as Word } from '../shell/index.js';

/** A local file or directory a command needs. */
export interface FileRef {
  word: Word;
  path: string;
  kind: 'file' | 'dir' | 'makefile';
}

/** What a simple command reads and writes on the reader's machine. */
export interface FileEffects {
  refs: FileRef[];
  /** Paths it creates (may contain `*` for loop variables). */
  creates: string[];
  /** True when it creates files nobody can list (`git clone`, `tar x`, `make` with a Makefile, `cd`). */
  createsUnknown: boolean;
}

const READERS = new Set(['cat', 'less', 'more', 'head', 'tail', 'base64', 'source', '.', 'bash', 'sh', 'python', 'python3', 'node', 'envsubst', 'jq', 'yq']);
const COPIERS = new Set(['cp', 'mv', 'ln', 'install']);

/** The files a simple command reads and creates. */
export function fileEffects(sc: SimpleCommand): FileEffects {
  const fx: FileEffects = { refs: [], creates: [], createsUnknown: false };
  const { program, args, redirects } = sc;
  for (const file of redirectedFiles(sc)) fx.creates.push(file.value);
  for (const r of redirects) if (r.op === '<') addRef(fx, r.target, 'file');
  if (!program) return fx;
  const name = program.value;
  const positionals = args.filter((a) => !a.value.startsWith('-'));
  if (/^\.{0,2}\//.test(program.value) && !program.value.endsWith('/')) addRef(fx, program, 'file');
  switch (name) {
    case 'kubectl':
      kubectlEffects(fx, args);
      break;
    case 'make':
      makeEffects(fx, program, args);
      break;
    case 'openssl':
      flagValues(args, ['-out', '-keyout']).forEach((w) => fx.creates.push(w.value));
      flagValues(args, ['-in', '-key', '-CA', '-CAkey']).forEach((w) => addRef(fx, w, 'file'));
      break;
    case 'cfssljson':
      flagValues(args, ['-bare']).forEach((w) => fx.creates.push(`${w.value}.pem`, `${w.value}-key.pem`, `${w.value}.csr`));
      break;
    case 'htpasswd':
      if (args[0]?.value.startsWith('-') && args[0].value.includes('c') && positionals[0]) fx.creates.push(positionals[0].value);
      break;
    case 'ssh-keygen':
      flagValues(args, ['-f']).forEach((w) => fx.creates.push(w.value, `${w.value}.pub`));
      break;
    case 'curl':
    case 'wget':
      downloadEffects(fx, name, args);
      break;
    case 'touch':
    case 'mkdir':
    case 'tee':
      positionals.forEach((w) => fx.creates.push(w.value));
      break;
    case 'git':
      if (positionals[0]?.value === 'clone') {
        const url = positionals[1]?.value ?? '';
        fx.creates.push(
          positionals[2]?.value ??
            url
              .replace(/\/+$/, '')
              .replace(/\.git$/, '')
              .split('/')
              .pop() ??
            '',
        );
        fx.createsUnknown = true;
      }
      break;
    case 'tar':
    case 'unzip':
    case 'helm':
    case 'kustomize':
    case 'cd':
      fx.createsUnknown = name !== 'helm' || args.some((a) => a.value === '--untar');
      if (name === 'cd' && ['~', '-', '/', '..', undefined].includes(positionals[0]?.value)) fx.createsUnknown = false;
      break;
    default:
      if (COPIERS.has(name) && positionals.length >= 2) fx.creates.push(positionals[positionals.length - 1]!.value);
      else if (READERS.has(name)) readerEffects(fx, name, args);
  }
  return fx;
}

function addRef(fx: FileEffects, word: Word, kind: FileRef['kind'], path = word.value): void {
  if (isLocalPath(path)) fx.refs.push({ word, path, kind });
}

/** Values of flags given as `-out x`, `-out=x` or `--output=x`. */
function flagValues(args: Word[], names: string[]): Word[] {
  const out: Word[] = [];
  args.forEach((a, i) => {
    const eq = a.value.indexOf('=');
    if (names.includes(a.value) && args[i + 1]) out.push(args[i + 1]!);
    else if (eq > 0 && names.includes(a.value.slice(0, eq))) out.push({ ...a, value: a.value.slice(eq + 1) });
  });
  return out;
}

function kubectlEffects(fx: FileEffects, args: Word[]): void {
  const call = parseKubectl(args);
  const sub = call.path.map((w) => w.value).join(' ');
  const each = (names: string[], fn: (value: string, word: Word) => void): void => {
    for (const n of names) for (const f of call.flags.get(n) ?? []) if (typeof f.value === 'string') fn(f.value, f.valueWord ?? f.word);
  };
  each(['-f', '--filename'], (v, w) => v.split(',').forEach((p) => addRef(fx, w, /\.(ya?ml|json)$/i.test(p) ? 'file' : 'dir', p)));
  each(['-k', '--kustomize'], (v, w) => addRef(fx, w, 'dir', v));
  each(['--from-file'], (v, w) => {
    const path = v.includes('=') ? v.slice(v.indexOf('=') + 1) : v;
    addRef(fx, w, path.endsWith('/') ? 'dir' : 'file', path);
  });
  each(['--from-env-file'], (v, w) => addRef(fx, w, 'file', v));
  if (sub.startsWith('create secret tls') || sub.startsWith('create secret generic')) each(['--cert', '--key'], (v, w) => addRef(fx, w, 'file', v));
}

function makeEffects(fx: FileEffects, program: Word, args: Word[]): void {
  const customFile = flagValues(args, ['-f', '--file', '--makefile'])[0];
  if (customFile) addRef(fx, customFile, 'file');
  else if (!args.some((a) => a.value === '-C' || a.value.startsWith('--directory'))) fx.refs.push({ word: program, path: 'Makefile', kind: 'makefile' });
  // `make keys KEY=/tmp/nginx.key CERT=/tmp/nginx.crt`: the variables name what it writes.
  for (const a of args) {
    const m = /^[A-Za-z_][A-Za-z0-9_]*=(.+)$/.exec(a.value);
    if (m && /[/.]/.test(m[1]!)) fx.creates.push(m[1]!);
  }
}

function downloadEffects(fx: FileEffects, name: string, args: Word[]): void {
  const urls = args.filter((a) => isUrl(a.value));
  const explicit = flagValues(args, name === 'curl' ? ['-o', '--output'] : ['-O', '--output-document']);
  explicit.forEach((w) => fx.creates.push(w.value));
  const remoteName = name === 'curl' ? args.some((a) => /^-[a-zA-Z]*O[a-zA-Z]*$/.test(a.value) || a.value === '--remote-name') : explicit.length === 0;
  if (remoteName) for (const u of urls) fx.creates.push(u.value.split(/[?#]/)[0]!.replace(/\/+$/, '').split('/').pop() ?? '');
  const prefix = name === 'wget' ? flagValues(args, ['-P', '--directory-prefix'])[0] : undefined;
  if (prefix) fx.creates.push(`${prefix.value}/*`);
}

function readerEffects(fx: FileEffects, name: string, args: Word[]): void {
  if ((name === 'bash' || name === 'sh') && args.some((a) => a.value === '-c')) return;
  const valueFlags = new Set(['-n', '-c', '-d', '-w', '-f', '-e', '--arg']);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.value.startsWith('-')) {
      if (valueFlags.has(a.value)) i++;
      continue;
    }
    // `jq '.items[]' file`: the first positional is the filter, not a file.
    if ((name === 'jq' || name === 'yq') && i === args.findIndex((x) => !x.value.startsWith('-'))) continue;
    addRef(fx, a, 'file');
    if (name === 'bash' || name === 'sh' || name === 'python' || name === 'python3' || name === 'node') break;
  }
}

/**
 * True for a path the tutorial's reader must have locally: not a URL, placeholder, glob,
 * stdin, system path or the kubeconfig.
 */
export function isLocalPath(path: string): boolean {
  if (!path || path === '-' || /^\.{1,2}\/?$/.test(path) || isUrl(path)) return false;
  // `~/.bashrc` is on every machine; `/path/to/x` is a placeholder.
  if (/[$`*?<>{}]|^~\/\.|(^|\/)path\/to\/|REPLACE_WITH/.test(path)) return false;
  if (/^\/(dev|proc|sys|etc|usr|var|bin|sbin|lib|opt|run|srv|boot)(\/|$)/.test(path)) return false;
  return /^[\w./~-][\w./~@+,:-]*$/.test(path) && !/^\d+$/.test(path) && !/^[\w.-]+:\/?/.test(path.replace(/^[A-Za-z]:\\/, ''));
}

/** Normalizes a path for comparison (`./a//b/` → `a/b`). */
export function normalizePath(path: string): string {
  return path
    .replace(/^(\.\/)+/, '')
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '')
    .replace(/\/\.\//g, '/');
}
