import { describe, expect, it } from 'vitest';
import { compileSelectors, matchLabels, parseFieldSelector, parseLabelSelector } from '../../../src/backends/sim/store/index.js';
import { StatusError } from '../../../src/backends/sim/status.js';
import type { KObject } from '../../../src/backends/sim/types.js';

const pod = (labels: Record<string, string>, extra: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', labels },
  ...extra,
});

describe('parseLabelSelector', () => {
  it('parses every operator', () => {
    expect(parseLabelSelector('a=b,c==d,e!=f,g in (h, i),j notin (k),l,!m,n>3,o<5')).toEqual([
      { key: 'a', operator: 'in', values: ['b'] },
      { key: 'c', operator: 'in', values: ['d'] },
      { key: 'e', operator: 'notin', values: ['f'] },
      { key: 'g', operator: 'in', values: ['h', 'i'] },
      { key: 'j', operator: 'notin', values: ['k'] },
      { key: 'l', operator: 'exists', values: [] },
      { key: 'm', operator: '!', values: [] },
      { key: 'n', operator: 'gt', values: ['3'] },
      { key: 'o', operator: 'lt', values: ['5'] },
    ]);
  });
  it('accepts prefixed keys, spaces and empty values', () => {
    expect(parseLabelSelector(' app.kubernetes.io/name = web , x= ')).toEqual([
      { key: 'app.kubernetes.io/name', operator: 'in', values: ['web'] },
      { key: 'x', operator: 'in', values: [''] },
    ]);
    expect(parseLabelSelector('')).toEqual([]);
  });
  it('rejects malformed selectors with a 400', () => {
    for (const bad of ['a in b', 'a in (b', '=b', 'a=b=c', 'a,,b', 'a>x', '-a=b']) {
      const e = (() => {
        try {
          parseLabelSelector(bad);
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      expect(e, bad).toBeInstanceOf(StatusError);
      expect((e as StatusError).code).toBe(400);
    }
  });
});

describe('matchLabels', () => {
  const labels = { app: 'web', tier: 'fe', n: '4' };
  const m = (s: string) => matchLabels(parseLabelSelector(s), labels);
  it('matches as the real server does', () => {
    expect(m('app=web')).toBe(true);
    expect(m('app!=web')).toBe(false);
    expect(m('missing!=x')).toBe(true);
    expect(m('tier in (fe,be)')).toBe(true);
    expect(m('tier notin (fe)')).toBe(false);
    expect(m('missing notin (fe)')).toBe(true);
    expect(m('app')).toBe(true);
    expect(m('!app')).toBe(false);
    expect(m('!missing')).toBe(true);
    expect(m('n>3,n<5')).toBe(true);
    expect(m('n>4')).toBe(false);
    expect(m('app=web,tier=be')).toBe(false);
  });
});

describe('field selectors', () => {
  it('parses =, == and != with escapes', () => {
    expect(parseFieldSelector('metadata.name=a\\,b,status.phase!=Running,spec.nodeName==n1')).toEqual([
      { path: 'metadata.name', equal: true, value: 'a,b' },
      { path: 'status.phase', equal: false, value: 'Running' },
      { path: 'spec.nodeName', equal: true, value: 'n1' },
    ]);
  });
  it('matches dotted paths, missing fields as empty', () => {
    const ev = pod({}, { involvedObject: { name: 'x', uid: 'u1', kind: 'Pod' }, type: 'Normal', reason: 'Started' });
    expect(compileSelectors({ fieldSelector: 'involvedObject.name=x,involvedObject.uid=u1,type=Normal' })(ev)).toBe(true);
    expect(compileSelectors({ fieldSelector: 'reason!=Started' })(ev)).toBe(false);
    expect(compileSelectors({ fieldSelector: 'spec.nodeName=' })(ev)).toBe(true);
    expect(compileSelectors({ fieldSelector: 'metadata.namespace=default', labelSelector: '!app' })(ev)).toBe(true);
  });
  it('rejects terms without an operator', () => {
    expect(() => parseFieldSelector('metadata.name')).toThrow(StatusError);
  });
});
