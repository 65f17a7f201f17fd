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

  test.each<[string, number, boolean, number]>([
    // grep selecting no line: the outcome only when the doc announces no output
    ['kubectl describe node n1 | grep dongle', 1, true, 0],
    ['kubectl describe node n1 | grep dongle', 1, false, 1],
    ['grep -q x file', 2, true, 2],
    ['grep x file | wc -l', 1, true, 1],
  ])('%s exiting %i (doc shows no output: %s) → %i', (command, code, noOutput, meaning) => {
    expect(meaningfulExit(command, code, noOutput)).toBe(meaning);
  });
});
