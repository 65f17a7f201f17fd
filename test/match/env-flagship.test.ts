import { describe, expect, test } from 'vitest';
import { matchOutput } from '../../src/match/index.js';

const DOC = `KUBERNETES_SERVICE_PORT=443
MY_NGINX_SERVICE_HOST=10.0.162.149
KUBERNETES_SERVICE_HOST=10.0.0.1
MY_NGINX_SERVICE_PORT=80
KUBERNETES_SERVICE_PORT_HTTPS=443
`;
const COMMAND = 'kubectl exec my-nginx-3800858182-jr4a2 -- printenv | grep SERVICE';

describe('printenv output (connect applications with services)', () => {
  test('should fail with exactly two missing lines at the MY_NGINX lines when the Service came after the pods', () => {
    const result = matchOutput({
      expected: DOC,
      actual: 'KUBERNETES_SERVICE_HOST=10.96.0.1\nKUBERNETES_SERVICE_PORT=443\nKUBERNETES_SERVICE_PORT_HTTPS=443\n',
      mode: 'similar',
      line: 120,
      column: 4,
      command: COMMAND,
    });
    expect(result.ok).toBe(false);
    expect(result.differences).toEqual([
      {
        kind: 'missing-line',
        message: 'missing in actual output: MY_NGINX_SERVICE_HOST=10.0.162.149',
        line: 121,
        column: 4,
        expected: 'MY_NGINX_SERVICE_HOST=10.0.162.149',
      },
      { kind: 'missing-line', message: 'missing in actual output: MY_NGINX_SERVICE_PORT=80', line: 123, column: 4, expected: 'MY_NGINX_SERVICE_PORT=80' },
    ]);
    expect(result.diff).toContain('-MY_NGINX_SERVICE_HOST=10.0.162.149');
  });

  test('should pass with MY_NGINX present at any IP, in any order', () => {
    const result = matchOutput({
      expected: DOC,
      actual:
        'MY_NGINX_SERVICE_PORT=80\nKUBERNETES_SERVICE_HOST=10.96.0.1\nMY_NGINX_SERVICE_HOST=10.96.201.17\nKUBERNETES_SERVICE_PORT=443\nKUBERNETES_SERVICE_PORT_HTTPS=443\n',
      mode: 'similar',
      line: 120,
      column: 1,
      command: COMMAND,
    });
    expect(result).toMatchObject({ ok: true, differences: [], diff: '', strategy: 'env' });
    expect(result.bindings).toContainEqual({ doc: '10.0.162.149', actual: '10.96.201.17', kind: 'ip' });
  });

  test('should treat KEY=value output as a set even without the command', () => {
    const result = matchOutput({ expected: 'A=1\nB=2\n', actual: 'B=2\nA=1\n', mode: 'similar', line: 1, column: 1 });
    expect(result.ok).toBe(true);
  });

  test('should report a changed value as wrong-value at its line', () => {
    const result = matchOutput({ expected: DOC, actual: DOC.replace('PORT=80', 'PORT=8080'), mode: 'similar', line: 1, column: 1, command: COMMAND });
    expect(result.differences).toMatchObject([{ kind: 'wrong-value', line: 4, message: 'MY_NGINX_SERVICE_PORT: doc 80, actual 8080' }]);
  });
});
