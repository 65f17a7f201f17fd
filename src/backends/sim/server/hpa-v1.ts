import type { KObject, ResourceType } from '../types.js';

/** A version served by converting to and from the stored version of the same resource. */
export interface VersionAlias {
  type: ResourceType;
  /** The stored type's group and resource. */
  storage: { group: string; resource: string };
  /** Served object → stored object. */
  toStorage(o: KObject): KObject;
  /** Stored object → served object. */
  fromStorage(o: KObject): KObject;
}

type Json = Record<string, unknown>;

/** autoscaling/v1 HorizontalPodAutoscaler, stored as autoscaling/v2 (as the real server stores it). */
export const HPA_V1: VersionAlias = {
  type: {
    group: 'autoscaling',
    version: 'v1',
    resource: 'horizontalpodautoscalers',
    singular: 'horizontalpodautoscaler',
    kind: 'HorizontalPodAutoscaler',
    namespaced: true,
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    shortNames: ['hpa'],
    categories: ['all'],
    subresources: ['status'],
  },
  storage: { group: 'autoscaling', resource: 'horizontalpodautoscalers' },
  toStorage(o) {
    const spec = { ...((o.spec ?? {}) as Json) };
    const cpu = spec.targetCPUUtilizationPercentage;
    delete spec.targetCPUUtilizationPercentage;
    if (typeof cpu === 'number') spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }];
    const status = { ...((o.status ?? {}) as Json) };
    const current = status.currentCPUUtilizationPercentage;
    delete status.currentCPUUtilizationPercentage;
    if (typeof current === 'number') status.currentMetrics = [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current } } }];
    return { ...o, apiVersion: 'autoscaling/v2', spec, ...(o.status ? { status } : {}) };
  },
  fromStorage(o) {
    const spec = { ...((o.spec ?? {}) as Json) };
    const metrics = (spec.metrics ?? []) as { type?: string; resource?: { name?: string; target?: { averageUtilization?: number } } }[];
    delete spec.metrics;
    delete spec.behavior;
    const cpu = metrics.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu')?.resource?.target?.averageUtilization;
    if (cpu !== undefined) spec.targetCPUUtilizationPercentage = cpu;
    const status = { ...((o.status ?? {}) as Json) };
    const currentMetrics = (status.currentMetrics ?? []) as { type?: string; resource?: { name?: string; current?: { averageUtilization?: number } } }[];
    delete status.currentMetrics;
    delete status.conditions;
    const current = currentMetrics.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu')?.resource?.current?.averageUtilization;
    if (current !== undefined) status.currentCPUUtilizationPercentage = current;
    return { ...o, apiVersion: 'autoscaling/v1', spec, ...(o.status ? { status } : {}) };
  },
};
