import { bindTemplate, compileTemplate, slotValues, testTemplate, type Template } from './template.js';
import type { Binding } from './types.js';

/**
 * How the values of each binding kind must stay consistent across a page. `unique`: one value the
 * cluster assigned stands for one thing, so a page that showed it as `10.0.0.11` and later
 * shows `10.0.0.12` where the cluster has that same value contradicts itself. Kinds that are not
 * unique only rewrite later commands: one node may be shown under several names (a doc made on
 * a three-node cluster, a one-node simulator), pod IPs pair up with random replicas, ages move.
 * A `family` groups kinds whose values are the same thing in different places (a Service's
 * CLUSTER-IP cell and the `IP:` field of its describe output).
 */
export const BINDING_RULES: Readonly<Record<string, BindingRule>> = {
  'cluster-ip': { family: 'ip', unique: true },
  ip: { family: 'ip', unique: false },
  'external-ip': { family: 'ip', unique: false },
  cidr: { family: 'cidr', unique: false },
  'node-port': { family: 'node-port', unique: true },
  uid: { family: 'uid', unique: true, inSets: true },
  'pod-name': { family: 'pod-name', unique: true, inSets: true },
  'node-name': { family: 'node-name', unique: false },
  'kube-context': { family: 'kube-context', unique: true },
  'kube-cluster': { family: 'kube-cluster', unique: true },
  'kube-user': { family: 'kube-user', unique: true },
  'api-server': { family: 'api-server', unique: false },
  // One cluster advertises one address: a page showing two for the same cluster contradicts itself.
  'server-address': { family: 'server-address', unique: true },
  'image-version': { family: 'image-version', unique: false },
  placeholder: { family: 'placeholder', unique: false },
};

/** How the values of one binding kind stay consistent across a page. */
export interface BindingRule {
  /** Kinds whose values are the same thing in different places share a family. */
  family: string;
  /** One actual value stands for one thing: the page must show it under one doc value. */
  unique: boolean;
  /**
   * The values come in sets whose order varies between runs (the pods of a ReplicaSet, sorted by
   * their random names): checked only where items pair in any order (table rows, YAML list
   * items), not in output compared line by line in order.
   */
  inSets?: boolean;
}

/**
 * How strictly a match must fit the page's bindings: `strict` also wants a doc value shown
 * before to take the same actual value (to pair rows the way earlier steps did), `reverse` only
 * forbids an actual value under a second doc value, `ordered` is `reverse` without the kinds that
 * come in sets; `none` ignores the page's bindings (to pair a row whose value contradicts them,
 * and report that value).
 */
export type FitMode = 'strict' | 'reverse' | 'ordered' | 'none';

const familyOf = (kind: string) => BINDING_RULES[kind]?.family ?? kind;

/**
 * Collects the bindings of one output in the order found; a doc value seen again with another
 * actual value keeps the first. Holds the page's earlier bindings (`prior`) as constraints: a
 * value matches only if it does not contradict them (see {@link BINDING_RULES}).
 */
export class BindingSet {
  readonly list: Binding[] = [];
  readonly #seen: Set<string>;
  /** Earlier doc value of each unique actual value, by `family\0actual`. */
  readonly #docOf: Map<string, Binding>;
  /** Earlier actual value of each doc value of a unique kind, by `family\0doc`. */
  readonly #actualOf: Map<string, Binding>;

  constructor(prior: readonly Binding[] = [], from?: BindingSet) {
    this.#seen = new Set(from ? from.#seen : prior.map((b) => `${familyOf(b.kind)}\0${b.doc}`));
    this.#docOf = from ? from.#docOf : new Map();
    this.#actualOf = from ? from.#actualOf : new Map();
    if (from) this.list.push(...from.list);
    for (const b of from ? [] : prior) {
      if (!BINDING_RULES[b.kind]?.unique || b.loose === true) continue;
      const family = familyOf(b.kind);
      if (!this.#docOf.has(`${family}\0${b.actual}`)) this.#docOf.set(`${family}\0${b.actual}`, b);
      if (!this.#actualOf.has(`${family}\0${b.doc}`)) this.#actualOf.set(`${family}\0${b.doc}`, b);
    }
  }

  /** A copy for trying a pairing: the same constraints, bindings found there are thrown away. */
  fork(): BindingSet {
    return new BindingSet([], this);
  }

  /** Records a binding unless the doc value is already bound (in the kind's family) or equals the actual value. */
  add(binding: Binding): void {
    // One binding per doc value and family: `minikube` may be a cluster and a context name.
    const key = `${familyOf(binding.kind)}\0${binding.doc}`;
    if (binding.doc === binding.actual || this.#seen.has(key)) return;
    this.#seen.add(key);
    this.list.push(binding);
  }

  /** Records every binding of a list. */
  addAll(bindings: readonly Binding[]): void {
    for (const b of bindings) this.add(b);
  }

  /** Why these slot values contradict the page's earlier bindings, or undefined. */
  conflictOf(values: readonly Binding[], mode: FitMode = 'reverse'): string | undefined {
    for (const v of values) {
      // A doc value equal to what the cluster shows is right here, whatever the page said before.
      if (v.doc === v.actual) continue;
      const family = familyOf(v.kind);
      const earlier = this.#docOf.get(`${family}\0${v.actual}`);
      if (earlier && earlier.doc !== v.doc && !(mode === 'ordered' && BINDING_RULES[earlier.kind]?.inSets)) {
        const where = earlier.line !== undefined ? ` at line ${earlier.line}` : ' earlier';
        return `the page showed ${v.actual} as ${earlier.doc}${where}, here as ${v.doc}: it contradicts itself`;
      }
      if (mode !== 'strict') continue;
      const bound = this.#actualOf.get(`${family}\0${v.doc}`);
      if (bound && bound.actual !== v.actual) return `${v.doc} was ${bound.actual} earlier on the page`;
    }
    return undefined;
  }

  /** True when the actual text is an instance of the template and its values fit the page's bindings. */
  fits(template: Template, actual: string, mode: FitMode = 'reverse'): boolean {
    return testTemplate(template, actual) && (mode === 'none' || this.#docOf.size === 0 || this.conflictOf(slotValues(template, actual), mode) === undefined);
  }

  /** Why a template the actual text is an instance of does not fit the page's bindings, or undefined. */
  conflict(template: Template, actual: string, mode: FitMode = 'reverse'): string | undefined {
    if (this.#docOf.size === 0 || !testTemplate(template, actual)) return undefined;
    return this.conflictOf(slotValues(template, actual), mode);
  }

  /** Matches one doc value (a cell, a scalar) against an actual one, under the page's bindings. */
  matchValue(doc: string, actual: string, context?: string, mode: FitMode = 'reverse'): { ok: boolean; bindings: Binding[]; conflict?: string } {
    const template = compileTemplate(doc, context);
    if (!testTemplate(template, actual)) return { ok: false, bindings: [] };
    const conflict = this.#docOf.size === 0 ? undefined : this.conflictOf(slotValues(template, actual), mode);
    if (conflict) return { ok: false, bindings: [], conflict };
    return { ok: true, bindings: bindTemplate(template, actual) };
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * Rewrites a later command with the values really seen: every whole-token occurrence of a doc
 * value becomes its actual value (`my-nginx-cf54cdbf7-vr96x` in `kubectl exec my-nginx-cf54cdbf7-vr96x`
 * but not in `my-nginx-cf54cdbf7-vr96xz`; `10.0.0.1` but not inside `10.0.0.12`).
 * Longer doc values win over their prefixes. Returns the command and the bindings used.
 */
export function applyBindings(command: string, bindings: Binding[]): { command: string; applied: Binding[] } {
  const byDoc = new Map<string, Binding>();
  for (const b of bindings) if (b.doc !== '' && !byDoc.has(b.doc)) byDoc.set(b.doc, b);
  if (byDoc.size === 0) return { command, applied: [] };
  const docs = [...byDoc.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![A-Za-z0-9_.-])(?:${docs.map(escape).join('|')})(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`, 'g');
  const applied: Binding[] = [];
  const out = command.replace(re, (doc) => {
    const b = byDoc.get(doc);
    if (!b) return doc;
    if (!applied.includes(b)) applied.push(b);
    return b.actual;
  });
  return { command: out, applied };
}
