import { Agent, request, type RequestOptions } from 'node:https';
import type { SimHandle } from '../../../src/backends/sim/index.js';

/** One HTTP answer from the simulator. */
export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends one request to the simulator's API server with its token (JSON unless headers say otherwise). */
export function call(
  sim: SimHandle,
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
  agent: Agent | false = false,
): Promise<Reply> {
  const url = new URL(sim.url);
  const options: RequestOptions = {
    method,
    host: url.hostname,
    port: url.port,
    // The path goes out exactly as given, so malformed escapes and dot segments reach the server.
    path,
    ca: sim.caPem,
    headers: { Authorization: `Bearer ${sim.token}`, 'Content-Type': 'application/json', ...headers },
    agent,
  };
  return new Promise((resolve, reject) => {
    const req = request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The Status message of a reply. */
export const messageOf = (r: Reply): string => (JSON.parse(r.body) as { message: string }).message;
