import type { FieldCause } from '../../status.js';
import { duplicate, forbidden, invalidField, notSupported, required } from '../field-errors.js';
import { configMapKey, dns1123Label, portName, portNumber } from '../names.js';
import { type Dict, isDict, list } from '../util.js';
import { validatePodSpec } from './pod-spec.js';

/** Validation of core/v1 and networking objects (`pkg/apis/core/validation`). */

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function goServicePortKey(port: Dict): { goString: string } {
  return {
    goString: `core.ServicePort{Name:"", Protocol:${JSON.stringify(port.protocol ?? '')}, AppProtocol:(*string)(nil), Port:${port.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  };
}

function validateServicePort(port: Dict, p: string, requireName: boolean, type: string): FieldCause[] {
  const errs: FieldCause[] = [];
  if (requireName && !port.name) errs.push(required(`${p}.name`));
  else if (port.name) for (const msg of dns1123Label(port.name)) errs.push(invalidField(`${p}.name`, port.name, msg));
  for (const msg of portNumber(Number(port.port ?? 0))) errs.push(invalidField(`${p}.port`, Number(port.port ?? 0), msg));
  if (!port.protocol) errs.push(required(`${p}.protocol`));
  else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(`${p}.protocol`, port.protocol, PROTOCOLS));
  const target = port.targetPort;
  if (typeof target === 'number') {
    for (const msg of portNumber(target)) errs.push(invalidField(`${p}.targetPort`, target, msg));
  } else if (typeof target === 'string') {
    for (const msg of portName(target)) errs.push(invalidField(`${p}.targetPort`, target, msg));
  }
  if (type === 'ClusterIP' && port.nodePort) {
    errs.push(forbidden(`${p}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
  }
  return errs;
}

/** Service spec (`ValidateService`), before allocation. */
export function validateServiceSpec(spec: Dict): FieldCause[] {
  const errs: FieldCause[] = [];
  const type = spec.type as string;
  const headless = spec.clusterIP === 'None';
  const ports = list(spec.ports);
  if (!ports.length && !headless && type !== 'ExternalName') errs.push(required('spec.ports'));
  if (!SERVICE_TYPES.includes(type)) errs.push(notSupported('spec.type', type ?? '', SERVICE_TYPES));
  if (type === 'ExternalName') {
    if (spec.clusterIP && spec.clusterIP !== '') {
      errs.push(forbidden('spec.clusterIP', 'may not be set for ExternalName services'));
    }
    if (!spec.externalName) errs.push(required('spec.externalName'));
  }
  const names = new Set<string>();
  const keys = new Set<string>();
  ports.forEach((port, i) => {
    const p = `spec.ports[${i}]`;
    errs.push(...validateServicePort(port, p, ports.length > 1, type));
    if (port.name) {
      if (names.has(port.name)) errs.push(duplicate(`${p}.name`, port.name));
      names.add(port.name);
    }
    const key = `${port.protocol}/${port.port}`;
    if (keys.has(key)) errs.push(duplicate(p, goServicePortKey(port)));
    keys.add(key);
  });
  if (spec.sessionAffinity && !['ClientIP', 'None'].includes(spec.sessionAffinity)) {
    errs.push(notSupported('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None']));
  }
  if (spec.externalTrafficPolicy && !['Cluster', 'Local'].includes(spec.externalTrafficPolicy)) {
    errs.push(notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, ['Cluster', 'Local']));
  }
  return errs;
}

function validateDataKeys(obj: Dict, field: string): FieldCause[] {
  const errs: FieldCause[] = [];
  for (const key of Object.keys(isDict(obj[field]) ? obj[field] : {})) {
    for (const msg of configMapKey(key)) errs.push(invalidField(`${field}[${key}]`, key, msg));
  }
  return errs;
}

/** Keys each Secret type requires, with the detail of the Required error. */
const SECRET_REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
};

/** Secret data keys and the keys its type requires. */
export function validateSecret(obj: Dict): FieldCause[] {
  const errs = validateDataKeys(obj, 'data');
  const data = isDict(obj.data) ? obj.data : {};
  for (const key of SECRET_REQUIRED_KEYS[obj.type as string] ?? []) {
    if (data[key] === undefined) errs.push(required(`data[${key}]`));
  }
  if (obj.type === 'kubernetes.io/service-account-token' && !obj.metadata?.annotations?.['kubernetes.io/service-account.name']) {
    errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
  }
  if (obj.type === 'kubernetes.io/basic-auth' && data.username === undefined && data.password === undefined) {
    errs.push(required('data[username]'));
  }
  return errs;
}

/** ConfigMap data and binaryData keys. */
export function validateConfigMap(obj: Dict): FieldCause[] {
  const errs = [...validateDataKeys(obj, 'data'), ...validateDataKeys(obj, 'binaryData')];
  const data = isDict(obj.data) ? obj.data : {};
  for (const key of Object.keys(isDict(obj.binaryData) ? obj.binaryData : {})) {
    if (key in data) errs.push(duplicate(`data[${key}]`, key));
  }
  return errs;
}

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

/** Ingress rules: every path needs a pathType, and absolute paths for Exact/Prefix. */
export function validateIngressSpec(spec: Dict): FieldCause[] {
  const errs: FieldCause[] = [];
  list(spec.rules).forEach((rule, i) => {
    list(rule.http?.paths).forEach((path, j) => {
      const p = `spec.rules[${i}].http.paths[${j}]`;
      if (!path.pathType) errs.push(required(`${p}.pathType`, 'pathType must be specified'));
      else if (!PATH_TYPES.includes(path.pathType)) errs.push(notSupported(`${p}.pathType`, path.pathType, PATH_TYPES));
      else if (path.pathType !== 'ImplementationSpecific' && !String(path.path ?? '').startsWith('/')) {
        errs.push(invalidField(`${p}.path`, path.path ?? '', 'must be an absolute path'));
      }
    });
  });
  if (!list(spec.rules).length && !isDict(spec.defaultBackend)) {
    errs.push(invalidField('spec.rules', { goString: '[]networking.IngressRule(nil)' }, 'either `defaultBackend` or `rules` must be specified'));
  }
  return errs;
}

/** A Pod's own spec. */
export function validatePod(obj: Dict): FieldCause[] {
  return validatePodSpec(obj.spec, 'spec');
}
