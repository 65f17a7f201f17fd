/** A label selector that matches none of the objects the page made is the page's defect. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSelector, selectedCalls, selects } from '../../src/run/selector-nothing.js';
import { runOnSim } from './helpers.js';

const fixtures = join(import.meta.dirname, '../../fixtures/run/selector');

describe('a selector that matches nothing the page made', () => {
  it('fails the steps that select by a label the objects do not carry, naming the labels they do carry', async () => {
    const r = await runOnSim(join(fixtures, 'matches-nothing.md'));
    expect(r.error).toBeUndefined();
    const get = r.steps.find((s) => s.line === 34)!;
    const del = r.steps.find((s) => s.line === 47)!;
    expect(get.status).toBe('fail');
    expect(get.hint).toMatchObject({ id: 'selector-matches-nothing' });
    expect(get.hint!.message).toMatch(/^the selector app=web matches none of the pods the page made: web-\S+ \(app\.kubernetes\.io\/name=web\)$/);
    // A delete that deletes nothing passed before, with nothing to compare.
    expect(del.status).toBe('fail');
    expect(del.differences.map((d) => d.message)).toEqual([
      'the selector app=web matches none of the deployments the page made: web (app.kubernetes.io/name=web)',
    ]);
  });

  it('passes the same page selecting the labels its objects carry', async () => {
    const r = await runOnSim(join(fixtures, 'matches.md'));
    expect(r.steps.filter((s) => s.kind === 'command').map((s) => s.status)).toEqual(['pass', 'pass', 'pass']);
  });
});

describe('selectors', () => {
  it.each([
    ['app=web', { app: 'web' }, true],
    ['app==web', { app: 'web', tier: 'x' }, true],
    ['app=web', { 'app.kubernetes.io/name': 'web' }, false],
    ['app!=web', { app: 'db' }, true],
    ['app in (web,db),tier', { app: 'db', tier: 'x' }, true],
    ['!tier', { app: 'db', tier: 'x' }, false],
  ])('%s selects %j: %s', (text, labels, yes) => {
    expect(selects(parseSelector(text)!, labels)).toBe(yes);
  });

  it('reads the selected kinds of each kubectl call of a line, and leaves out what it cannot conclude about', () => {
    expect(
      selectedCalls('g=$(kubectl get pod x -o name) && kubectl delete statefulset,svc -l app=db && kubectl delete pvc -l="app=db"').map((s) => [
        s.kinds,
        s.selector,
      ]),
    ).toEqual([
      [['statefulset', 'service'], 'app=db'],
      [['persistentvolumeclaim'], 'app=db'],
    ]);
    expect(selectedCalls('kubectl get pods -A -l app=db')).toEqual([]);
    expect(selectedCalls('kubectl get all -l app=db')).toEqual([]);
    expect(selectedCalls('kubectl logs -l app=db')[0]!.kinds).toEqual(['pod']);
  });
});
