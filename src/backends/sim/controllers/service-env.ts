import type { KObject } from '../types.js';
import { type Json, dig } from './util.js';

function envName(name: string): string {
  return name.replace(/-/g, '_').toUpperCase();
}

function hasClusterIP(svc: KObject): boolean {
  const ip = dig<string>(svc, 'spec', 'clusterIP');
  return !!ip && ip !== 'None';
}

/**
 * The Docker-links style variables kubelet gives containers for services (envvars.FromServices):
 * `{NAME}_SERVICE_HOST`, `{NAME}_SERVICE_PORT`, `{NAME}_SERVICE_PORT_{PORT}`, `{NAME}_PORT`,
 * `{NAME}_PORT_{P}_{PROTO}` and its `_PROTO`, `_PORT`, `_ADDR`. With `namespace`, services are first
 * chosen as kubelet does: those of that namespace (unless `enableServiceLinks` is false) plus the
 * `kubernetes` service of `default`. Services without a cluster IP (headless, ExternalName) give none.
 */
export function serviceEnv(services: KObject[], namespace?: string, enableServiceLinks = true): Record<string, string> {
  let chosen = services.filter(hasClusterIP);
  if (namespace !== undefined) {
    const byName = new Map<string, KObject>();
    for (const svc of chosen) {
      const name = String(svc.metadata.name);
      const ns = svc.metadata.namespace ?? 'default';
      if (ns === 'default' && name === 'kubernetes') {
        if (!byName.has(name)) byName.set(name, svc);
      } else if (ns === namespace && enableServiceLinks) {
        byName.set(name, svc);
      }
    }
    chosen = [...byName.values()];
  }
  const env: Record<string, string> = {};
  for (const svc of chosen) {
    const name = envName(String(svc.metadata.name));
    const ip = String(dig(svc, 'spec', 'clusterIP'));
    const ports = (dig<Json[]>(svc, 'spec', 'ports') ?? []) as Json[];
    env[`${name}_SERVICE_HOST`] = ip;
    if (ports.length === 0) continue;
    env[`${name}_SERVICE_PORT`] = String(ports[0]!['port']);
    for (const p of ports) if (p['name']) env[`${name}_SERVICE_PORT_${envName(String(p['name']))}`] = String(p['port']);
    ports.forEach((p, i) => {
      const protocol = String(p['protocol'] ?? 'TCP');
      const lower = protocol.toLowerCase();
      const url = `${lower}://${ip}:${p['port']}`;
      if (i === 0) env[`${name}_PORT`] = url;
      const prefix = `${name}_PORT_${p['port']}_${protocol.toUpperCase()}`;
      env[prefix] = url;
      env[`${prefix}_PROTO`] = lower;
      env[`${prefix}_PORT`] = String(p['port']);
      env[`${prefix}_ADDR`] = ip;
    });
  }
  return env;
}
