import { isUrl, parseKubectl, type SimpleCommand } from './command-model.js';
import { optionValues, programArguments, writtenFiles, type ShellWord as Word } from '../shell/index.js';

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

/** The files a simple command reads and creates. */
export function fileEffects(sc: SimpleCommand): FileEffects {
  const fx: FileEffects = { refs: [], creates: [], createsUnknown: false };
  const { program, args, redirects } = sc;
  const written = writtenFiles(sc);
  fx.creates.push(...written.paths);
  fx.createsUnknown = written.unlisted;
  for (const r of redirects) if (r.op === '<') addRef(fx, r.target, 'file');
  if (!program) return fx;
  if (/^\.{0,2}\//.test(program.value) && !program.value.endsWith('/')) addRef(fx, program, 'file');
  switch (program.value) {
    case 'kubectl':
      kubectlEffects(fx, args);
      break;
    case 'make':
      makeEffects(fx, program, args);
      break;
    case 'openssl':
      optionValues(args, ['-in', '-key', '-CA', '-CAkey']).forEach((w) => addRef(fx, w, 'file'));
      break;
    default:
      if (READERS.has(program.value)) readerEffects(fx, program.value, args);
  }
  return fx;
}

function addRef(fx: FileEffects, word: Word, kind: FileRef['kind'], path = word.value): void {
  if (isLocalPath(path)) fx.refs.push({ word, path, kind });
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
  const customFile = optionValues(args, ['-f', '--file', '--makefile'])[0];
  if (customFile) addRef(fx, customFile, 'file');
  else if (!args.some((a) => a.value === '-C' || a.value.startsWith('--directory'))) fx.refs.push({ word: program, path: 'Makefile', kind: 'makefile' });
}

/** Programs that run the script file they are given, whose later operands are its arguments, not files. */
const SCRIPT_RUNNERS = new Set(['bash', 'sh', 'python', 'python3', 'node', 'source', '.']);

function readerEffects(fx: FileEffects, name: string, args: Word[]): void {
  const read = programArguments(name, args);
  // `bash -c '…'`, `python -m http.server`: the code is on the command line.
  if (read.inline !== undefined) return;
  let files = read.operands;
  if (name === 'jq' || name === 'yq') {
    const filterFile = [...(read.values.get('-f') ?? []), ...(read.values.get('--from-file') ?? [])];
    filterFile.forEach((w) => addRef(fx, w, 'file'));
    // `jq '.items[]' file`: the first operand is the filter, unless `-f` gave it from a file.
    if (filterFile.length === 0) files = files.slice(1);
  }
  if (SCRIPT_RUNNERS.has(name)) files = files.slice(0, 1);
  for (const a of files) addRef(fx, a, 'file');
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
