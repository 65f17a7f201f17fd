/** What an install would have put on PATH, and the names a skipped Service gives containers. */
import { describe, expect, it } from 'vitest';
import { installedPrograms } from '../../src/run/installs.js';
import { dependsOn, missingProgram, serviceDerivedNames } from '../../src/run/depends.js';

const catalog = (pkg: string): string[] | undefined => ({ dnsutils: ['dig', 'nslookup', 'host'] })[pkg];

describe('installedPrograms', () => {
  it('reads the catalog, and names an unknown package’s programs after it', () => {
    expect([...installedPrograms('apt-get update && apt-get install -y curl=7.88 dnsutils amqp-tools', catalog)].sort()).toEqual(
      ['amqp*', 'amqp-tools', 'curl', 'dig', 'host', 'nslookup'].sort(),
    );
    expect([...installedPrograms("kubectl exec tools -- sh -c 'apk add --no-cache redis-client'", catalog)].sort()).toEqual(['redis*', 'redis-client']);
    expect(installedPrograms('apt-get update', catalog).size).toBe(0);
    expect(installedPrograms('kubectl get pods', catalog).size).toBe(0);
  });

  it('links a step only when the program it runs is reported missing', () => {
    const p = [{ line: 9, reason: 'unchecked', names: new Set<string>(), programs: new Set(['nslookup', 'amqp*']) }];
    expect(missingProgram('nslookup web', 'bash: nslookup: command not found', p)?.line).toBe(9);
    expect(missingProgram('/usr/bin/amqp-publish -r foo', 'sh: /usr/bin/amqp-publish: not found', p)?.line).toBe(9);
    expect(missingProgram('kubectl exec t -- amqp-consume -q foo', 'exec: "amqp-consume": executable file not found in $PATH', p)?.line).toBe(9);
    // Another program is missing, or the program ran and printed something else.
    expect(missingProgram('nslookup web', 'bash: dig: command not found', p)).toBeUndefined();
    expect(missingProgram('nslookup web', ';; connection timed out; no servers could be reached', p)).toBeUndefined();
    expect(missingProgram('curl web', 'bash: nslookup: command not found', p)).toBeUndefined();
  });
});

describe('serviceDerivedNames', () => {
  it('names the variables of a Service a step made, in both output forms', () => {
    const names = serviceDerivedNames('service "rabbitmq-service" created\ndeployment.apps/web created\nservice/db configured');
    expect([...names]).toEqual(['RABBITMQ_SERVICE_SERVICE_*', 'RABBITMQ_SERVICE_PORT', 'RABBITMQ_SERVICE_PORT_*']);
    const p = [{ line: 4, reason: 'skipped', names }];
    expect(dependsOn('missing in actual output: RABBITMQ_SERVICE_SERVICE_HOST=10.0.0.1', p)?.line).toBe(4);
    expect(dependsOn('RABBITMQ_SERVICE_PORT_5672_TCP_ADDR=10.0.0.1', p)?.line).toBe(4);
    expect(dependsOn('KUBERNETES_SERVICE_HOST=10.96.0.1', p)).toBeUndefined();
  });
});
