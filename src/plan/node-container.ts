/**
 * A local cluster's node containers on the reader's container runtime (kind, minikube's Docker
 * driver): `docker exec <node> <program…>` runs that program on a node, and `docker ps` listing
 * them shows the reader's runtime. Names, images and placeholders are data
 * (`data/node-containers.ts`).
 */
import { outerCommands, parseCommandLine } from '../shell/index.js';
import { NODE_CONTAINERS } from './data/node-containers.js';

/** `docker exec [options] CONTAINER COMMAND [ARG…]`, read. */
export interface ContainerExec {
  runtime: string;
  container: string;
  /** The program and its arguments as written after the container (quotes kept), to the end of the line. */
  command: string;
  /** The program and its arguments, unquoted. */
  words: string[];
  stdin: boolean;
  tty: boolean;
  /** `-e VAR=value` settings. */
  env: string[];
  /** `-w DIR`. */
  workdir?: string;
  /** `-u USER`. */
  user?: string;
}

/** The first top-level `docker|podman|nerdctl [container] exec …` of a command line, or undefined. */
export function containerExec(command: string): ContainerExec | undefined {
  const c = parseCommandLine(command).commands.find((x) => x.inside.length === 0 && x.program !== undefined);
  if (!c || !NODE_CONTAINERS.runtimes.has(c.name)) return undefined;
  let args = c.args;
  if (args[0]?.value === 'container') args = args.slice(1);
  if (args[0]?.value !== 'exec') return undefined;
  const out: Omit<ContainerExec, 'container' | 'command' | 'words'> = { runtime: c.name, stdin: false, tty: false, env: [] };
  const set = (name: string, value: string | undefined): void => {
    if (value === undefined) return;
    if (name === '-e' || name === '--env') out.env.push(value);
    else if (name === '-w' || name === '--workdir') out.workdir = value;
    else if (name === '-u' || name === '--user') out.user = value;
  };
  for (let i = 1; i < args.length; i++) {
    const w = args[i]!.value;
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const name = eq === -1 ? w : w.slice(0, eq);
      if (name === '--interactive') out.stdin = true;
      else if (name === '--tty') out.tty = true;
      else if (eq !== -1) set(name, w.slice(eq + 1));
      else if (NODE_CONTAINERS.execValueFlags.has(name)) set(name, args[++i]?.value);
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      if (NODE_CONTAINERS.execValueFlags.has(w)) {
        set(w, args[++i]?.value);
        continue;
      }
      const letters = w.slice(1);
      if (/^[a-z]+$/.test(letters)) {
        if (letters.includes('i')) out.stdin = true;
        if (letters.includes('t')) out.tty = true;
      }
      continue;
    }
    const rest = args.slice(i + 1);
    if (rest.length === 0) return undefined;
    return { ...out, container: w, command: command.slice(rest[0]!.start).trim(), words: rest.map((r) => r.value) };
  }
  return undefined;
}

/** A `docker ps` row of a node container: its id and name. */
export interface NodeContainerRow {
  id: string;
  name: string;
}

/** The node containers a `docker ps` listing shows (by image or by name; NAMES is the last column). */
export function nodeContainerRows(listing: string): NodeContainerRow[] {
  const rows: NodeContainerRow[] = [];
  for (const line of listing.split('\n')) {
    const cols = line.trim().split(/\s+/);
    const id = cols[0] ?? '';
    const name = cols[cols.length - 1] ?? '';
    if (!/^[0-9a-f]{12,64}$/.test(id) || cols.length < 2) continue;
    if (NODE_CONTAINERS.name.test(name) || NODE_CONTAINERS.image.test(line)) rows.push({ id, name });
  }
  return rows;
}

/**
 * The node a `docker exec` reaches: a node container's name, a container id the page's `docker
 * ps` output showed for one (`listings`: those outputs), or a placeholder for one
 * (`<node-container-id>`: the only node container listed, else an unnamed node). Undefined when
 * the container is not a node's.
 */
export function nodeOfContainer(container: string, listings: readonly string[]): { name?: string } | undefined {
  if (NODE_CONTAINERS.name.test(container)) return { name: container };
  const rows = listings.flatMap(nodeContainerRows);
  if (/^[0-9a-f]{4,64}$/.test(container)) {
    const row = rows.find((r) => r.id.startsWith(container) || container.startsWith(r.id));
    return row ? { name: row.name } : undefined;
  }
  if (NODE_CONTAINERS.placeholder.test(container) || (/^<[^<>]+>$/.test(container) && rows.length > 0)) {
    const names = [...new Set(rows.map((r) => r.name))];
    return names.length === 1 ? { name: names[0]! } : {};
  }
  return undefined;
}

/** `docker ps`, `docker container ls|ps` (any options). */
export function isContainerListing(command: string): boolean {
  const c = parseCommandLine(command).commands.find((x) => x.inside.length === 0 && x.program !== undefined);
  if (!c || !NODE_CONTAINERS.runtimes.has(c.name)) return false;
  const words = c.args.map((a) => a.value).filter((w) => !w.startsWith('-'));
  return words[0] === 'ps' || (words[0] === 'container' && (words[1] === 'ls' || words[1] === 'ps' || words[1] === 'list'));
}

/** `kind create cluster`, `minikube start` (a local cluster of node containers on the reader's runtime). */
function makesLocalCluster(command: string): boolean {
  return outerCommands(command).some((c) => {
    const [first, second] = c.args.map((a) => a.value);
    return (c.name === 'kind' && first === 'create' && second === 'cluster') || (c.name === 'minikube' && first === 'start');
  });
}

/**
 * True for a listing of the reader's containers that shows a local cluster's node containers:
 * its shown output has a node container's row, or an earlier step made a kind or minikube cluster.
 */
export function listsNodeContainers(command: string, expected: string | null, earlierCommands: readonly string[]): boolean {
  if (!isContainerListing(command)) return false;
  if (expected !== null && nodeContainerRows(expected).length > 0) return true;
  return earlierCommands.some(makesLocalCluster);
}
