import { describe, expect, it } from 'vitest';
import { cmd, lintOne } from '../helpers.js';

describe('prompt-in-output', () => {
  it('reports kubectl results shown as commands, naming the command they belong to', () => {
    const ds = lintOne(
      'prompt-in-output',
      cmd(79, 'kubectl expose deployment/my-nginx', { position: { line: 79, column: 3, endLine: 79, endColumn: 37 } }),
      cmd(80, 'service/my-nginx exposed', { position: { line: 80, column: 3, endLine: 80, endColumn: 27 } }),
      cmd(81, 'deployment.apps/x created'),
      cmd(82, 'secret "nginxsecret" created'),
      cmd(83, 'NAME       READY   STATUS'),
    );
    expect(ds.map((d) => d.line)).toEqual([80, 81, 82, 83]);
    expect(ds[0]!.message).toBe(
      '`service/my-nginx exposed` is output of `kubectl expose deployment/my-nginx` (line 79) (kubectl result), not a command; drop the prompt so it reads as output',
    );
    expect(ds[0]!.fix).toMatchObject({ replacement: 'service/my-nginx exposed', range: { line: 80, column: 1 } });
    expect(ds[0]!.actual).toBe('$ service/my-nginx exposed');
  });

  it('accepts real commands that look similar', () => {
    expect(lintOne('prompt-in-output', cmd(1, 'kubectl get service/my-nginx'), cmd(2, 'kubectl create secret generic x --from-literal=a=b'))).toEqual([]);
  });
});
