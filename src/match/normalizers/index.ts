import { age } from './age.js';
import { apiServer } from './api-server.js';
import { clusterIp } from './cluster-ip.js';
import { imageVersion } from './image-version.js';
import { kubeCluster, kubeContext, kubeUser } from './kubeconfig.js';
import { cidr } from './cidr.js';
import { digest } from './digest.js';
import { duration } from './duration.js';
import { externalIp } from './external-ip.js';
import { fileSource } from './file-source.js';
import { ip } from './ip.js';
import { mirrorPodName } from './mirror-pod.js';
import { nodeName } from './node-name.js';
import { nodePort } from './node-port.js';
import { placeholder } from './placeholder.js';
import { podName, podTableName } from './pod-name.js';
import { processId, processStart } from './process.js';
import { resourceVersion } from './resource-version.js';
import { restarts } from './restarts.js';
import { serverAddress } from './server-address.js';
import { timestamp } from './timestamp.js';
import type { Normalizer } from './types.js';
import { uid } from './uid.js';

export type { Normalizer, Span } from './types.js';
export { contextKey, escapeRegex, findSpans } from './types.js';

/**
 * Every normalizer, in priority order: when two find overlapping values at the same place, the
 * longer wins, then the earlier in this list.
 */
export const NORMALIZERS: readonly Normalizer[] = [
  externalIp,
  restarts,
  timestamp,
  uid,
  digest,
  cidr,
  placeholder,
  nodePort,
  apiServer,
  serverAddress,
  clusterIp,
  ip,
  resourceVersion,
  duration,
  age,
  nodeName,
  kubeContext,
  kubeCluster,
  kubeUser,
  imageVersion,
  fileSource,
  mirrorPodName,
  podName,
  podTableName,
  processStart,
  processId,
];

export {
  age,
  apiServer,
  cidr,
  clusterIp,
  imageVersion,
  kubeCluster,
  kubeContext,
  kubeUser,
  digest,
  duration,
  externalIp,
  fileSource,
  ip,
  mirrorPodName,
  nodeName,
  nodePort,
  placeholder,
  podName,
  podTableName,
  processId,
  processStart,
  resourceVersion,
  restarts,
  serverAddress,
  timestamp,
  uid,
};
