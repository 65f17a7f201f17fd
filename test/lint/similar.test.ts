import { describe, expect, it } from 'vitest';
import { closestWords, editDistance } from '../../src/lint/similar.js';

describe('closestWords', () => {
  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('gte', 'get')).toBe(1);
    expect(editDistance('kubeclt', 'kubectl')).toBe(1);
  });

  it('suggests within the typo threshold only, and nothing for known or short words', () => {
    expect(closestWords('ubectl', ['kubectl', 'kubeadm'])).toEqual(['kubectl']);
    expect(closestWords('kubectl', ['kubectl'])).toEqual([]);
    expect(closestWords('mytool', ['kubectl', 'make'])).toEqual([]);
    expect(closestWords('ks', ['ls'])).toEqual([]);
  });
});
