import { describe, expect, test } from 'vitest';
import { meaningfulExit } from '../../src/run/exit-meaning.js';

describe('meaningfulExit', () => {
  test.each<[string, number, number]>([
    ['kubectl diff -f web.yaml', 1, 0],
    ['kubectl diff -k ./', 1, 0],
    ['diff a.txt b.txt', 1, 0],
    ['kubectl -n x diff -f web.yaml', 1, 0],
    // errors stay errors
    ['kubectl diff -f web.yaml', 2, 2],
    ['diff a.txt b.txt', 2, 2],
    // not the program that decides the status
    ['kubectl apply -f web.yaml', 1, 1],
    ['kubectl diff -f web.yaml | grep replicas', 1, 1],
    ['kubectl diff -f web.yaml && kubectl apply -f web.yaml', 1, 1],
    ['echo kubectl diff', 1, 1],
  ])('%s exiting %i → %i', (command, code, meaning) => {
    expect(meaningfulExit(command, code)).toBe(meaning);
  });
});
