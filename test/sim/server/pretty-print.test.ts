import { describe, expect, it } from 'vitest';
import { isPrettyPrint } from '../../../src/backends/sim/server/respond.js';

const req = (url: string, ua?: string) => ({ url, headers: ua === undefined ? {} : { 'user-agent': ua } });

describe('indented JSON for clients people read', () => {
  it.each<[string, string | undefined, boolean]>([
    ['/api/v1/nodes/n1/status', 'curl/8.5.0', true],
    ['/api/v1/nodes', 'Wget/1.21.4', true],
    ['/api/v1/nodes', 'Mozilla/5.0 (X11; Linux x86_64)', true],
    ['/api/v1/nodes', 'kubectl/v1.32.4 (linux/amd64) kubernetes/abc', false],
    ['/api/v1/nodes', undefined, false],
    ['/api/v1/nodes?pretty=true', 'kubectl/v1.32.4', true],
    ['/api/v1/nodes?pretty=false', 'curl/8.5.0', false],
  ])('%s with User-Agent %s → %s', (url, ua, pretty) => {
    expect(isPrettyPrint(req(url, ua))).toBe(pretty);
  });
});
