import type { FieldCause } from '../../status.js';
import { duplicate, invalidField, notFoundField, notSupported, required } from '../field-errors.js';
import { dns1123Label, portName, portNumber } from '../names.js';
import { canonicalQuantity, parseQuantity } from '../quantity.js';
import { type Dict, isDict, list } from '../util.js';
import { validateAnnotations, validateLabels } from './meta.js';

/** PodSpec validation (`ValidatePodSpec`) for the mistakes tutorials make. */

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

function validateVolumes(volumes: Dict[], path: string): { names: Set<string>; errs: FieldCause[] } {
  const names = new Set<string>();
  const errs: FieldCause[] = [];
  volumes.forEach((v, i) => {
    const p = `${path}[${i}].name`;
    if (!v.name) errs.push(required(p));
    else {
      for (const msg of dns1123Label(v.name)) errs.push(invalidField(p, v.name, msg));
      if (names.has(v.name)) errs.push(duplicate(p, v.name));
      names.add(v.name);
    }
  });
  return { names, errs };
}

function validatePorts(ports: Dict[], path: string): FieldCause[] {
  const errs: FieldCause[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (port.name) {
      for (const msg of portName(port.name)) errs.push(invalidField(`${p}.name`, port.name, msg));
      if (names.has(port.name)) errs.push(duplicate(`${p}.name`, port.name));
      names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(`${p}.containerPort`));
    else for (const msg of portNumber(port.containerPort)) errs.push(invalidField(`${p}.containerPort`, port.containerPort, msg));
    if (port.hostPort) for (const msg of portNumber(port.hostPort)) errs.push(invalidField(`${p}.hostPort`, port.hostPort, msg));
    if (!port.protocol) errs.push(required(`${p}.protocol`));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(`${p}.protocol`, port.protocol, PROTOCOLS));
  });
  return errs;
}

function validateResources(resources: unknown, path: string): FieldCause[] {
  if (!isDict(resources)) return [];
  const requests: Dict = isDict(resources.requests) ? resources.requests : {};
  const limits: Dict = isDict(resources.limits) ? resources.limits : {};
  const errs: FieldCause[] = [];
  for (const [name, value] of Object.entries(requests)) {
    const request = parseQuantity(value);
    const limit = parseQuantity(limits[name]);
    if (typeof request === 'number' && request < 0) {
      errs.push(invalidField(`${path}.requests[${name}]`, canonicalQuantity(value), 'must be greater than or equal to 0'));
    } else if (typeof request === 'number' && typeof limit === 'number' && request > limit) {
      errs.push(
        invalidField(`${path}.requests`, canonicalQuantity(value), `must be less than or equal to ${name} limit of ${canonicalQuantity(limits[name])}`),
      );
    }
  }
  return errs;
}

function validateContainer(c: Dict, p: string, volumes: Set<string>, names: Set<string>, requireImage: boolean): FieldCause[] {
  const errs: FieldCause[] = [];
  if (!c.name) errs.push(required(`${p}.name`));
  else for (const msg of dns1123Label(c.name)) errs.push(invalidField(`${p}.name`, c.name, msg));
  if (requireImage && !c.image) errs.push(required(`${p}.image`));
  errs.push(...validatePorts(list(c.ports), `${p}.ports`));
  list(c.env).forEach((e, i) => {
    if (!e.name) errs.push(required(`${p}.env[${i}].name`));
    else if (String(e.name).includes('=')) {
      errs.push(
        invalidField(`${p}.env[${i}].name`, e.name, "a valid environment variable name must consist only of printable ASCII characters other than '='"),
      );
    }
  });
  list(c.volumeMounts).forEach((m, i) => {
    const mp = `${p}.volumeMounts[${i}]`;
    if (!m.name) errs.push(required(`${mp}.name`));
    else if (!volumes.has(m.name)) errs.push(notFoundField(`${mp}.name`, m.name));
    if (!m.mountPath) errs.push(required(`${mp}.mountPath`));
  });
  errs.push(...validateResources(c.resources, `${p}.resources`));
  if (!c.imagePullPolicy) errs.push(required(`${p}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(c.imagePullPolicy)) errs.push(notSupported(`${p}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  // Names must be unique across the pod's containers; reported after the container's own errors.
  if (c.name && names.has(c.name)) errs.push(duplicate(`${p}.name`, c.name));
  if (c.name) names.add(c.name);
  return errs;
}

/** Validates a defaulted PodSpec at `path` (e.g. `spec` or `spec.template.spec`). */
export function validatePodSpec(spec: Dict | undefined, path: string): FieldCause[] {
  if (!isDict(spec)) return [required(path)];
  const { names: volumes, errs } = validateVolumes(list(spec.volumes), `${path}.volumes`);
  const containerNames = new Set<string>();
  list(spec.initContainers).forEach((c, i) => errs.push(...validateContainer(c, `${path}.initContainers[${i}]`, volumes, containerNames, true)));
  const containers = list(spec.containers);
  if (!containers.length) errs.push(required(`${path}.containers`));
  containers.forEach((c, i) => errs.push(...validateContainer(c, `${path}.containers[${i}]`, volumes, containerNames, true)));
  if (!RESTART_POLICIES.includes(spec.restartPolicy)) {
    errs.push(spec.restartPolicy ? notSupported(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES) : required(`${path}.restartPolicy`));
  }
  if (!DNS_POLICIES.includes(spec.dnsPolicy)) {
    errs.push(spec.dnsPolicy ? notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES) : required(`${path}.dnsPolicy`));
  }
  errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  if (typeof spec.terminationGracePeriodSeconds === 'number' && spec.terminationGracePeriodSeconds < 0) {
    errs.push(invalidField(`${path}.terminationGracePeriodSeconds`, spec.terminationGracePeriodSeconds, 'must be greater than or equal to 0'));
  }
  return errs;
}

/** Validates a PodTemplateSpec (`template`) at `path`: metadata labels/annotations and spec. */
export function validatePodTemplate(template: Dict | undefined, path: string): FieldCause[] {
  if (!isDict(template)) return [required(path)];
  const meta = isDict(template.metadata) ? template.metadata : {};
  return [
    ...validateLabels(meta.labels, `${path}.metadata.labels`),
    ...validateAnnotations(meta.annotations, `${path}.metadata.annotations`),
    ...validatePodSpec(template.spec, `${path}.spec`),
  ];
}
