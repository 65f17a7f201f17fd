import { describe, expect, test } from 'vitest';
import { readerValue } from '../../src/run/reader-value.js';

describe('readerValue', () => {
  test.each([
    'kubectl logs worker-x2k4p # Change this to match the name of one of your Pods',
    'kubectl describe pod/web-7d9c6f8b4-k2x9p  # replace with your own pod name',
    'kubectl logs batch-abcde # change this to a Pod of the Job',
  ])('%s → the reader’s to complete', (command) => {
    expect(readerValue(command)).toMatch(/the doc asks the reader to change \S+/);
  });

  test.each([
    ['kubectl logs worker-x2k4p', 'no comment asks for a change'],
    ['kubectl logs my-app # the web server', 'the comment does not ask for a change'],
    ['kubectl logs web # Change this to match your Pod', 'a name the page chose, not a generated one'],
    ['echo worker-x2k4p # change this to your pod', 'not a kubectl object'],
  ])('%s → undefined (%s)', (command) => {
    expect(readerValue(command)).toBeUndefined();
  });
});
