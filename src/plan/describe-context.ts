import type { ContextSource, HostContext, SessionTarget } from './types.js';

/** What decided a context, in words: `default`, `prompt "root@x:/#"`, `session at line 12`, `cue at line 8: "…"`. */
export function describeSource(source: ContextSource | undefined): string {
  if (source === undefined || source.by === 'default') return 'default';
  const at = source.line === undefined ? '' : ` at line ${source.line}`;
  const text = source.text === undefined ? '' : ` "${shorten(source.text)}"`;
  switch (source.by) {
    case 'prompt':
      return `prompt${text}`;
    case 'session':
      return `session${at}${text}`;
    case 'cue':
      return `cue${at}${text ? ':' + text : ''}`;
    case 'program':
      return `program${text}`;
  }
}

/** Where a step runs, in words: `host`, `pod default/web (container c)`, `node minikube`, `remote: …`. */
export function describeContext(host: HostContext): string {
  switch (host.kind) {
    case 'local':
      return 'host';
    case 'pod': {
      const name = host.name === undefined ? '' : ` ${host.namespace ? `${host.namespace}/` : ''}${host.name}`;
      return `pod${name}${host.container ? ` (container ${host.container})` : ''}${host.client ? `, typed in its ${host.client} client` : ''}${host.shownShell ? `, the pod shell shown at line ${host.shownShell}` : ''}`;
    }
    case 'node':
      return `node${host.name === undefined ? '' : ` ${host.name}`}`;
    default:
      return `${host.kind} — ${host.reason}`;
  }
}

/** A session target in words: `pod web`, `node minikube`, `remote vm-1`. */
export function describeSession(target: SessionTarget): string {
  const ns = target.namespace ? `${target.namespace}/` : '';
  return `${target.kind}${target.name === undefined ? '' : ` ${ns}${target.name}`}${target.container ? ` (container ${target.container})` : ''}`;
}

function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
