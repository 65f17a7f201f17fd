import { describe, expect, it } from 'vitest';
import { alreadyDeleted } from '../../src/run/conditional-cleanup.js';
import type { EarlierStep } from '../../src/run/hints/types.js';

const step = (line: number, ran: string, status: EarlierStep['status'] = 'pass'): EarlierStep => ({ step: { line } as EarlierStep['step'], ran, status });
const notFound = 'Error from server (NotFound): configmaps "settings" not found';

describe('alreadyDeleted', () => {
  const earlier = [step(10, 'kubectl create configmap settings --from-literal=a=b'), step(20, 'kubectl delete configmap settings')];

  it('excuses a NotFound of a cleanup marked conditional when the page deleted the object before', () => {
    expect(alreadyDeleted('kubectl delete configmap settings # In case it was not deleted above', notFound, earlier)).toMatch(
      /already deleted settings at line 20/,
    );
    expect(alreadyDeleted("kubectl delete cm settings # if you haven't already", notFound, earlier)).toBeDefined();
  });

  it('keeps the failure without a conditional cue, without an earlier deletion, or for another object', () => {
    expect(alreadyDeleted('kubectl delete configmap settings', notFound, earlier)).toBeUndefined();
    expect(alreadyDeleted('kubectl delete configmap settings # clean up', notFound, earlier)).toBeUndefined();
    expect(alreadyDeleted('kubectl delete configmap settings # in case', notFound, [earlier[0]!])).toBeUndefined();
    expect(alreadyDeleted('kubectl delete configmap settings # in case', notFound, [step(20, 'kubectl delete configmap settings', 'fail')])).toBeUndefined();
    expect(
      alreadyDeleted('kubectl delete configmap settings-2 # in case', 'Error from server (NotFound): configmaps "settings-2" not found', earlier),
    ).toBeUndefined();
    expect(
      alreadyDeleted('kubectl delete configmap settings # in case', 'error: the server doesn\'t have a resource type "configmap"', earlier),
    ).toBeUndefined();
  });
});
