import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertFieldSelector } from '../../../src/backends/sim/field-labels.js';
import { StatusError } from '../../../src/backends/sim/status.js';
import { startFixture, type SimFixture } from './helpers.js';

const refusal = (group: string, resource: string, selector: string): string | undefined => {
  try {
    convertFieldSelector({ group, resource }, selector);
  } catch (error) {
    expect(error).toBeInstanceOf(StatusError);
    expect((error as StatusError).code).toBe(400);
    return (error as StatusError).message;
  }
  return undefined;
};

describe('convertFieldSelector', () => {
  it('accepts each type’s own labels and the metadata ones', () => {
    expect(refusal('', 'pods', 'status.phase=Running,spec.nodeName!=n1,metadata.name=p')).toBeUndefined();
    expect(refusal('', 'services', 'spec.type=ClusterIP')).toBeUndefined();
    expect(refusal('', 'secrets', 'type=Opaque')).toBeUndefined();
    expect(refusal('batch', 'jobs', 'status.successful=1')).toBeUndefined();
    expect(refusal('networking.k8s.io', 'ingresses', 'metadata.namespace!=default')).toBeUndefined();
  });
  it('refuses a label the type does not convert, in the words of its conversion function', () => {
    expect(refusal('', 'pods', 'status.hostIP=10.0.0.1')).toBe('field label not supported: status.hostIP');
    expect(refusal('', 'nodes', 'metadata.namespace=x')).toBe('field label not supported: metadata.namespace');
    expect(refusal('batch', 'jobs', 'spec.x=1')).toBe('field label "spec.x" not supported for batchv1.Job');
    expect(refusal('apps', 'deployments', 'metadata.name=a,spec.replicas=2')).toBe(
      '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
  });
  it('rewrites an alias to the path it reads and leaves custom resources alone', () => {
    expect(convertFieldSelector({ group: '', resource: 'pods' }, 'spec.host=n1')).toBe('spec.nodeName=n1');
    expect(convertFieldSelector({ group: 'example.com', resource: 'widgets' }, 'spec.size=3')).toBe('spec.size=3');
  });
});

describe('field selectors through the real kubectl', () => {
  let f: SimFixture;
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('refuses an unknown field label on an empty list with the server’s 400, wrapped by kubectl', async () => {
    const r = await f.kubectl(['get', 'ingress', '--field-selector', 'foo.bar=baz']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim()).toBe(
      'Error from server (BadRequest): Unable to find "networking.k8s.io/v1, Resource=ingresses" that match label selector "", field selector "foo.bar=baz": "foo.bar" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
  });
  it('refuses a pod label the pod registry does not select on, and lists with one it does', async () => {
    const bad = await f.kubectl(['get', 'pods', '--field-selector', 'status.hostIP=10.0.0.1']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('field selector "status.hostIP=10.0.0.1": field label not supported: status.hostIP');
    const good = await f.kubectl(['get', 'pods', '--field-selector', 'status.phase=Running']);
    expect(good.exitCode).toBe(0);
    expect(good.stderr.trim()).toBe('No resources found in default namespace.');
  });
  it('refuses a watch with an unknown label before any event', async () => {
    const r = await f.kubectl(['get', 'services', '--watch', '--field-selector', 'spec.ports=80'], { timeoutMs: 10_000 });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('field label not supported: spec.ports');
  });
});
