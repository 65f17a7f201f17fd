import { describe, expect, it } from 'vitest';
import { cmd, lintOne } from '../helpers.js';

describe('unknown-command', () => {
  it('reports a misspelled program with a single-suggestion fix', () => {
    const [d, ...rest] = lintOne('unknown-command', cmd(167, 'ubectl get configmaps', { position: { line: 167, column: 3, endLine: 167, endColumn: 24 } }));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ line: 167, column: 3, severity: 'error', message: 'unknown program `ubectl`; did you mean `kubectl`?' });
    expect(d!.fix).toMatchObject({ replacement: 'kubectl', range: { line: 167, column: 3, endColumn: 9 } });
  });

  it('reports a misspelled kubectl subcommand, also after global flags and in pipelines', () => {
    const ds = lintOne('unknown-command', cmd(1, 'kubectl -n kube-system gte pods | grpe dns'));
    expect(ds.map((d) => d.message)).toEqual(['unknown kubectl subcommand `gte`; did you mean `get`?', 'unknown program `grpe`; did you mean `grep`?']);
  });

  it('accepts known programs, plugins, paths, unknown words far from any program, and output-like lines', () => {
    const ds = lintOne(
      'unknown-command',
      cmd(1, 'kubectl krew install ctx'),
      cmd(2, './deploy.sh && mytool --flag'),
      cmd(3, 'sudo kubeadm init && watch kubectl get pods'),
      cmd(4, 'POD_IP'),
      cmd(5, 'nslookup my-nginx'),
    );
    expect(ds).toEqual([]);
  });

  it('accepts every program a fence line may start with, ip6tables one letter from iptables among them', () => {
    const ds = lintOne(
      'unknown-command',
      cmd(1, 'sudo ip6tables -L -n'),
      cmd(2, 'sudo ip6tables-save | grep KUBE'),
      cmd(3, 'getent hosts my-svc'),
      cmd(4, 'oc get pods'),
    );
    expect(ds).toEqual([]);
  });

  it('reports the misspellings of kubectl that a fence line may start with', () => {
    const ds = lintOne('unknown-command', cmd(1, 'kubeclt get pods'), cmd(2, 'kubetcl get pods'));
    expect(ds.map((d) => d.message)).toEqual(['unknown program `kubeclt`; did you mean `kubectl`?', 'unknown program `kubetcl`; did you mean `kubectl`?']);
  });
});
