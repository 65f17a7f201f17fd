import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_GATE_CUES, SERVICE_RANGE_CUE, gatesNamedIn, serviceRangeIn } from '../../src/parse/data/cluster-needs.js';
import { gatedFeature, gatedFieldsShown, missingApiVersion } from '../../src/run/feature-gates.js';
import { statedSetting } from '../../src/run/cluster-settings.js';
import { runCli } from '../helpers/cli.js';

const CAPS = { nodeShell: true, loadBalancer: true, nodeExternalIPs: false, portForward: true, namespaceIsolation: false, serviceRange: '10.96.0.0/12' };

describe('what a page says its cluster needs', () => {
  it.each(FEATURE_GATE_CUES.trigger)('%s → %j', (text, gates) => expect(gatesNamedIn(text)).toEqual(gates));
  it.each(FEATURE_GATE_CUES.clean)('%s → no gate', (text) => expect(gatesNamedIn(text)).toEqual([]));
  it.each(SERVICE_RANGE_CUE.trigger)('%s → %s', (text, range) => expect(serviceRangeIn(text)).toBe(range));
  it.each(SERVICE_RANGE_CUE.clean)('%s → no range', (text) => expect(serviceRangeIn(text)).toBeUndefined());
});

describe('gatedFeature', () => {
  const unserved = { command: 'kubectl get ipaddress', output: 'error: the server doesn\'t have a resource type "ipaddress"' };
  it('makes a gated API unchecked only on a page that asks for its gate', () => {
    expect(gatedFeature(unserved, ['MultiCIDRServiceAllocator'], [])).toMatch(/IPAddress .* MultiCIDRServiceAllocator feature gate \(beta, off by default/);
    expect(gatedFeature(unserved, [], [])).toBeUndefined();
    expect(gatedFeature(unserved, ['SomeOtherGate'], [])).toBeUndefined();
  });
  it('keeps a version 1.32 does not serve a failure, with the versions that exist', () => {
    const v1 = { command: 'kubectl apply -f x.yaml', output: 'no matches for kind "ServiceCIDR" in version "networking.k8s.io/v1"' };
    expect(gatedFeature(v1, ['MultiCIDRServiceAllocator'], [])).toBeUndefined();
    expect(missingApiVersion(v1.output)).toEqual({
      kind: 'ServiceCIDR',
      used: 'networking.k8s.io/v1',
      served: 'networking.k8s.io/v1beta1',
      gate: 'MultiCIDRServiceAllocator',
    });
    const beta = { ...v1, output: v1.output.replace('/v1"', '/v1beta1"') };
    expect(gatedFeature(beta, ['MultiCIDRServiceAllocator'], [])).toMatch(/ServiceCIDR/);
    expect(missingApiVersion(beta.output)).toBeUndefined();
  });
  it('makes gated behaviour and gated fields unchecked, but not fields of a gate the page does not name', () => {
    const patch = {
      command: `kubectl patch pod p --patch '{"spec":{"containers":[{"name":"c","resources":{}}]}}'`,
      output: 'The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than ...',
    };
    expect(gatedFeature(patch, ['InPlacePodVerticalScaling'], [])).toMatch(/in place needs the InPlacePodVerticalScaling feature gate/);
    expect(gatedFeature(patch, [], [])).toBeUndefined();
    const get = { command: 'kubectl get pod p -o yaml', output: '' };
    expect(gatedFeature(get, ['InPlacePodVerticalScaling'], ['spec.containers[0].resizePolicy', 'status.containerStatuses[0].resources'])).toMatch(
      /fields only/,
    );
    expect(
      gatedFeature(get, ['InPlacePodVerticalScaling'], ['spec.containers[0].resizePolicy', 'status.containerStatuses[0].allocatedResources']),
    ).toBeUndefined();
    expect(gatedFeature(get, ['InPlacePodVerticalScaling'], ['spec.containers[0].resizePolicy', 'spec.containers[0].image'])).toBeUndefined();
  });
  it("makes a Pod's own requests and limits unchecked on a page that asks for PodLevelResources, not a container's", () => {
    const get = { command: 'kubectl get pod p -o yaml', output: '' };
    expect(gatedFeature(get, ['PodLevelResources'], ['spec.resources.limits.cpu', 'spec.resources.requests.memory'])).toMatch(
      /fields only the PodLevelResources feature gate \(alpha, off by default in Kubernetes 1\.32; on from 1\.34\)/,
    );
    expect(gatedFeature(get, ['PodLevelResources'], ['spec.containers[0].resources.limits.cpu'])).toBeUndefined();
    expect(gatedFeature(get, [], ['spec.resources.limits.cpu'])).toBeUndefined();
  });
});

describe('gatedFieldsShown', () => {
  it('names each gated field the doc shows and the cluster does not print, with its gate', () => {
    const doc = 'spec:\n  containers:\n  - resizePolicy:\n    - resourceName: cpu\nstatus:\n  containerStatuses:\n  - allocatedResources:\n      cpu: 700m';
    const found = gatedFieldsShown(doc, 'spec:\n  containers:\n  - name: c\n');
    expect(found.map((f) => [f.key, f.gate.name])).toEqual([
      ['resizePolicy', 'InPlacePodVerticalScaling'],
      ['allocatedResources', 'InPlacePodVerticalScalingAllocatedStatus'],
    ]);
    expect(gatedFieldsShown(doc, doc)).toEqual([]);
    expect(gatedFieldsShown('spec:\n  replicas: 2', '')).toEqual([]);
  });
});

describe('statedSetting', () => {
  const settings = [{ id: 'service-range' as const, value: '10.96.0.0/28', line: 5, text: '' }];
  it('makes outputs that follow from a stated Service range unchecked when the backend has another', () => {
    const full = {
      command: 'kubectl create service clusterip a --tcp 80',
      expected: 'failed to allocate a serviceIP: range is full',
      output: 'service/a created',
    };
    expect(statedSetting(full, settings, CAPS)).toMatch(
      /Service IP range the page states \(10\.96\.0\.0\/28, line 5\); the backend's cluster has 10\.96\.0\.0\/12/,
    );
    expect(statedSetting(full, settings, { ...CAPS, serviceRange: '10.96.0.0/28' })).toBeUndefined();
    const { serviceRange: _, ...unknown } = CAPS;
    expect(statedSetting(full, settings, unknown)).toBeUndefined();
    expect(statedSetting({ command: 'kubectl get pods', expected: 'NAME READY', output: 'x' }, settings, CAPS)).toBeUndefined();
  });
});

describe('a page that needs a gate and states a Service range, on the simulator', () => {
  it('leaves what follows from them unchecked and keeps the page’s own defects failing', async () => {
    const r = await runCli(['check', join('fixtures', 'cluster-needs', 'gated-api.md'), '--format', 'json', '--no-confine']);
    expect(r.code).toBe(1);
    type S = { line: number; status: string; unchecked_reason?: string; hint?: { message: string } };
    const steps = (JSON.parse(r.stdout) as { files: { steps: S[] }[] }).files[0]!.steps;
    const at = (line: number) => steps.find((s) => s.line === line);
    expect(at(10)).toMatchObject({ status: 'unchecked', unchecked_reason: expect.stringMatching(/MultiCIDRServiceAllocator/) });
    expect(at(21)).toMatchObject({ status: 'unchecked', unchecked_reason: expect.stringMatching(/10\.96\.0\.0\/28/) });
    expect(at(32)).toMatchObject({ status: 'fail', hint: { message: expect.stringMatching(/served only as networking\.k8s\.io\/v1beta1/) } });
    expect(at(50)).toMatchObject({ status: 'fail' });
  });
});
