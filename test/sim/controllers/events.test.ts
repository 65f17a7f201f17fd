import { describe, expect, it } from 'vitest';
import { recordEvent } from '../../../src/backends/sim/controllers/events.js';
import type { KObject } from '../../../src/backends/sim/types.js';
import { FakeApi } from './fake-api.js';

function pod(api: FakeApi, name: string): KObject {
  return api.create(api.resolve('pods')!, 'default', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
  });
}

const events = (api: FakeApi) =>
  api
    .list(api.resolve('events')!, 'default')
    .items.map((e) => `${String((e['involvedObject'] as { name: string }).name)} ${String(e['reason'])} x${String(e['count'])}`)
    .sort();

describe('recordEvent', () => {
  it('bumps the count of the event it made for a repeat about the same object, and makes a new one otherwise', () => {
    const api = new FakeApi();
    const a = pod(api, 'a');
    const b = pod(api, 'b');
    recordEvent(api, a, 'Normal', 'Pulling', 'Pulling image "nginx"', 'kubelet', 'node');
    recordEvent(api, b, 'Normal', 'Pulling', 'Pulling image "nginx"', 'kubelet', 'node');
    const repeat = recordEvent(api, a, 'Normal', 'Pulling', 'Pulling image "nginx"', 'kubelet', 'node');
    expect(repeat?.['count']).toBe(2);
    recordEvent(api, a, 'Normal', 'Pulled', 'Pulled image "nginx"', 'kubelet', 'node');
    // Another component saying the same is another event, as another recorder's would be.
    recordEvent(api, a, 'Normal', 'Pulling', 'Pulling image "nginx"', 'other', 'node');
    expect(events(api)).toEqual(['a Pulled x1', 'a Pulling x1', 'a Pulling x2', 'b Pulling x1']);
  });

  it('makes a new event for a repeat whose event was deleted', () => {
    const api = new FakeApi();
    const a = pod(api, 'a');
    const first = recordEvent(api, a, 'Warning', 'BackOff', 'Back-off restarting failed container', 'kubelet', 'node')!;
    api.delete(api.resolve('events')!, 'default', String(first.metadata.name));
    const again = recordEvent(api, a, 'Warning', 'BackOff', 'Back-off restarting failed container', 'kubelet', 'node')!;
    expect(again.metadata.name).not.toBe(first.metadata.name);
    expect(again['count']).toBe(1);
    expect(events(api)).toEqual(['a BackOff x1']);
  });
});
