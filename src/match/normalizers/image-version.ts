import type { Normalizer } from './types.js';

/**
 * Where a program in a container prints its own version: `Server: nginx/1.27.3` headers, nginx
 * error pages, `nginx -v`, Apache, Redis, BusyBox banners. An image pulled as `:latest` (or with
 * no tag) runs whatever version is newest on the day, so the doc's version is the day's draw.
 */
export const VERSION_MARKERS: readonly string[] = ['\\bnginx/', '\\bApache/', '\\bredis_version:', '\\bRedis server v=', '\\bBusyBox v'];

/** Program versions printed by `:latest` images: any dotted version. */
export const imageVersion: Normalizer = {
  id: 'image-version',
  description: 'versions programs print (`Server: nginx/1.27.3`, `BusyBox v1.36.1`): any dotted version',
  anywhere: VERSION_MARKERS.map((m) => new RegExp(`(?<=${m})\\d+(?:\\.\\d+){1,3}(?![\\w.])`, 'g')),
  actual: () => '\\d+(?:\\.\\d+){1,3}',
  bind: 'image-version',
};
