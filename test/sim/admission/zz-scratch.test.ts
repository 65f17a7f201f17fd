import { test } from 'vitest';
import { startFixture } from '../server/helpers.js';
test('scratch', async () => {
  const f = await startFixture({ controllers: true });
  const run = async (args: string[], input?: string) => {
    const r = await f.kubectl(args, input !== undefined ? { input } : {});
    console.log(`$ kubectl ${args.join(' ')}\n${r.stdout}${r.stderr}[rc=${r.exitCode}]`);
  };
  try {
    await run(['create', 'deployment', 'web', '--image=nginx:1.26']);
    await run(['rollout', 'status', 'deployment/web', '--timeout=20s']);
    await run(['set', 'image', 'deployment/web', 'nginx=nginx:1.27']);
    await run(['rollout', 'status', 'deployment/web', '--timeout=20s']);
    await run(['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.generation} {.status.observedGeneration}{"\\n"}']);
    await run(['create', 'job', 'pi', '--image=perl:5.34.0', '--', 'perl', '-e', 'print 1']);
    await run(['create', 'cronjob', 'hello', '--image=busybox:1.28', '--schedule=*/1 * * * *', '--', 'echo', 'hi']);
    await run(['apply', '-f', '-'], 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n');
    await run(['create', 'ingress', 'web', '--rule=foo.com/=web:80']);
    await run(['create', 'secret', 'generic', 's1', '--from-literal=a=b']);
    await new Promise((r) => setTimeout(r, 4000));
    await run(['get', 'jobs,cronjobs,pvc,ingress,secrets,rs']);
    await run(['get', 'pods']);
    await run(['scale', 'deployment', 'web', '--replicas=3']);
    await run(['delete', 'deployment', 'web']);
    await run(['create', 'namespace', 'dev']);
    await run(['delete', 'namespace', 'dev', '--timeout=20s']);
    await run(['get', 'ns']);
  } finally {
    await f.stop();
  }
}, 90000);
