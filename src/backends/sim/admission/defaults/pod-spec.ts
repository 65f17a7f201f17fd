import { type Dict, ensureDict, isDict, list, setDefault } from '../util.js';

/**
 * Pod spec defaults from `pkg/apis/core/v1/defaults.go`, applied to pods and to every pod
 * template (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob).
 */

/** The tag `parsers.ParseImageName` finds: `latest` when there is neither tag nor digest. */
export function imageTag(image: string): string {
  const [named, digest] = image.split('@') as [string, string | undefined];
  const lastSlash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const tag = colon > lastSlash ? named.slice(colon + 1) : '';
  if (!tag && !digest) return 'latest';
  return tag;
}

/** `Always` for `:latest` or untagged images, else `IfNotPresent`. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  // An empty image does not parse, so it has no tag.
  return image && imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(probe: unknown): void {
  if (!isDict(probe)) return;
  setDefault(probe, 'timeoutSeconds', 1);
  setDefault(probe, 'periodSeconds', 10);
  setDefault(probe, 'successThreshold', 1);
  setDefault(probe, 'failureThreshold', 3);
  if (isDict(probe.httpGet)) {
    setDefault(probe.httpGet, 'path', '/');
    setDefault(probe.httpGet, 'scheme', 'HTTP');
  }
  if (isDict(probe.grpc)) setDefault(probe.grpc, 'service', '');
}

function defaultLifecycleHandler(handler: unknown): void {
  if (isDict(handler) && isDict(handler.httpGet)) {
    setDefault(handler.httpGet, 'path', '/');
    setDefault(handler.httpGet, 'scheme', 'HTTP');
  }
}

function defaultEnv(container: Dict): void {
  for (const env of list(container.env)) {
    const fieldRef = env.valueFrom?.fieldRef;
    if (isDict(fieldRef)) setDefault(fieldRef, 'apiVersion', 'v1');
  }
}

/** Container defaults (`SetDefaults_Container` and friends). */
export function defaultContainer(container: Dict): void {
  setDefault(container, 'imagePullPolicy', defaultPullPolicy(typeof container.image === 'string' ? container.image : ''));
  setDefault(container, 'terminationMessagePath', '/dev/termination-log');
  setDefault(container, 'terminationMessagePolicy', 'File');
  setDefault(container, 'resources', {});
  for (const port of list(container.ports)) setDefault(port, 'protocol', 'TCP');
  defaultProbe(container.livenessProbe);
  defaultProbe(container.readinessProbe);
  defaultProbe(container.startupProbe);
  if (isDict(container.lifecycle)) {
    defaultLifecycleHandler(container.lifecycle.postStart);
    defaultLifecycleHandler(container.lifecycle.preStop);
  }
  defaultEnv(container);
}

const MODE_420_SOURCES = ['secret', 'configMap', 'downwardAPI', 'projected'] as const;
const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
];

/** Volume defaults: an empty source becomes emptyDir, file modes default to 0644 (420). */
export function defaultVolume(volume: Dict): void {
  if (!VOLUME_SOURCES.some((s) => volume[s] !== undefined)) volume.emptyDir = {};
  for (const source of MODE_420_SOURCES) {
    if (isDict(volume[source])) setDefault(volume[source], 'defaultMode', 420);
  }
  if (isDict(volume.hostPath)) setDefault(volume.hostPath, 'type', '');
  for (const item of list(volume.downwardAPI?.items)) {
    if (isDict(item.fieldRef)) setDefault(item.fieldRef, 'apiVersion', 'v1');
  }
  for (const src of list(volume.projected?.sources)) {
    for (const item of list(src.downwardAPI?.items)) {
      if (isDict(item.fieldRef)) setDefault(item.fieldRef, 'apiVersion', 'v1');
    }
    if (isDict(src.serviceAccountToken)) setDefault(src.serviceAccountToken, 'expirationSeconds', 3600);
  }
  if (isDict(volume.iscsi)) setDefault(volume.iscsi, 'iscsiInterface', 'default');
}

/**
 * Fields of a pod spec whose feature gate is off by default in 1.32: the API server drops them on
 * every write (pkg/api/pod/util.go `dropDisabledFields`), so a default cluster never stores them.
 * The simulator never stores them either, so an old spec never has them in use.
 */
const GATED_POD_SPEC_FIELDS: readonly { field: string; gate: string }[] = [
  // dropDisabledPodLevelResources: pod-level requests and limits (alpha in 1.32).
  { field: 'resources', gate: 'PodLevelResources' },
];

function dropDisabledFields(spec: Dict): void {
  for (const { field } of GATED_POD_SPEC_FIELDS) delete spec[field];
}

/** PodSpec defaults shared by pods and pod templates. */
export function defaultPodSpec(spec: Dict): void {
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'schedulerName', 'default-scheduler');
  // The deprecated serviceAccount field mirrors serviceAccountName (v1 conversion).
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  else if (spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  for (const c of list(spec.initContainers)) defaultContainer(c);
  for (const c of list(spec.containers)) defaultContainer(c);
  for (const c of list(spec.ephemeralContainers)) defaultContainer(c);
  for (const v of list(spec.volumes)) defaultVolume(v);
  dropDisabledFields(spec);
  if (spec.hostNetwork === true) {
    for (const c of [...list(spec.initContainers), ...list(spec.containers)]) {
      for (const p of list(c.ports)) setDefault(p, 'hostPort', p.containerPort);
    }
  }
}

/** Pod-only defaults (`SetDefaults_Pod`): service links, requests copied from limits. */
export function defaultPodOnly(pod: Dict): void {
  const spec = ensureDict(pod, 'spec');
  setDefault(spec, 'enableServiceLinks', true);
  for (const c of [...list(spec.initContainers), ...list(spec.containers)]) {
    const res = c.resources;
    if (isDict(res) && isDict(res.limits)) {
      const requests = ensureDict(res, 'requests');
      for (const [k, v] of Object.entries(res.limits)) setDefault(requests, k, v);
    }
  }
}

/** Defaults a `template` (PodTemplateSpec) inside a workload spec. */
export function defaultTemplate(parent: Dict | undefined): void {
  if (!isDict(parent)) return;
  const template = ensureDict(parent, 'template');
  setDefault(ensureDict(template, 'metadata'), 'creationTimestamp', null);
  defaultPodSpec(ensureDict(template, 'spec'));
}
