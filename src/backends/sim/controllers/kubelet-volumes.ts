import type { Api } from '../api/types.js';
import type { KObject } from '../types.js';
import type { Json } from './util.js';

/**
 * Why the kubelet cannot set up a pod's volumes yet, in its own words, or undefined when every
 * ConfigMap and Secret the pod mounts exists. A pod waits in ContainerCreating (no sandbox, no IP)
 * until then, with a FailedMount event each time it tries.
 */
export function missingVolumeSource(api: Api, pod: KObject): string | undefined {
  const ns = pod.metadata.namespace;
  const volumes = ((pod['spec'] as Json | undefined)?.['volumes'] as Json[] | undefined) ?? [];
  const cm = api.resolve('configmaps')!;
  const secret = api.resolve('secrets')!;
  for (const v of volumes) {
    const name = String(v['name']);
    const sources: { kind: 'configmap' | 'secret'; ref: string; optional: boolean }[] = [];
    const c = v['configMap'] as Json | undefined;
    if (c) sources.push({ kind: 'configmap', ref: String(c['name']), optional: c['optional'] === true });
    const s = v['secret'] as Json | undefined;
    if (s) sources.push({ kind: 'secret', ref: String(s['secretName']), optional: s['optional'] === true });
    for (const p of ((v['projected'] as Json | undefined)?.['sources'] as Json[] | undefined) ?? []) {
      const pc = p['configMap'] as Json | undefined;
      if (pc) sources.push({ kind: 'configmap', ref: String(pc['name']), optional: pc['optional'] === true });
      const ps = p['secret'] as Json | undefined;
      if (ps) sources.push({ kind: 'secret', ref: String(ps['name']), optional: ps['optional'] === true });
    }
    for (const src of sources) {
      if (src.optional) continue;
      if (!api.find(src.kind === 'configmap' ? cm : secret, ns, src.ref))
        return `MountVolume.SetUp failed for volume "${name}" : ${src.kind} "${src.ref}" not found`;
    }
  }
  return undefined;
}
