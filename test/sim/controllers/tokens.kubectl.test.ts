import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFixture, startFixture } from '../server/helpers.js';
import { until } from './until.js';

let fx: SimFixture;
const kubectl = async (args: string[], input?: string) => {
  const r = await fx.kubectl(args, input !== undefined ? { input } : {});
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};

const tokenSecret = (name: string, sa: string) => `apiVersion: v1
kind: Secret
metadata:
  name: ${name}
  annotations:
    kubernetes.io/service-account.name: ${sa}
type: kubernetes.io/service-account-token
`;

describe('the ServiceAccount token controller behind real kubectl', () => {
  beforeAll(async () => {
    fx = await startFixture({ controllers: true, speed: 4 });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it("fills a token Secret of an existing ServiceAccount: ca.crt, namespace, token and the account's uid", async () => {
    expect((await kubectl(['create', 'serviceaccount', 'robot'])).code).toBe(0);
    const uid = (await kubectl(['get', 'sa', 'robot', '-o', 'jsonpath={.metadata.uid}'])).out;
    expect(uid).toMatch(/^[0-9a-f-]{36}$/);
    expect((await kubectl(['apply', '-f', '-'], tokenSecret('robot-token', 'robot'))).code).toBe(0);
    const described = await until(
      async () => (await kubectl(['describe', 'secret', 'robot-token'])).out,
      (o) => o.includes('token:'),
    );
    expect(described).toContain(`kubernetes.io/service-account.uid: ${uid}`);
    expect(described).toMatch(/namespace:\s+7 bytes/);
    expect(described).toMatch(/ca\.crt:\s+\d+ bytes/);
    const token = Buffer.from((await kubectl(['get', 'secret', 'robot-token', '-o', 'jsonpath={.data.token}'])).out, 'base64').toString();
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({
      iss: 'kubernetes/serviceaccount',
      sub: 'system:serviceaccount:default:robot',
      'kubernetes.io/serviceaccount/service-account.uid': uid,
    });
  });

  it('deletes a token Secret whose ServiceAccount does not exist, and the tokens of a deleted one', async () => {
    expect((await kubectl(['apply', '-f', '-'], tokenSecret('ghost-token', 'ghost'))).code).toBe(0);
    const gone = await until(
      async () => (await kubectl(['get', 'secret', 'ghost-token'])).err,
      (e) => e.includes('NotFound'),
    );
    expect(gone).toContain('secrets "ghost-token" not found');
    expect((await kubectl(['delete', 'sa', 'robot'])).code).toBe(0);
    const after = await until(
      async () => (await kubectl(['get', 'secret', 'robot-token'])).err,
      (e) => e.includes('NotFound'),
    );
    expect(after).toContain('secrets "robot-token" not found');
  });

  it('leaves other Secrets alone', async () => {
    expect((await kubectl(['create', 'secret', 'generic', 'plain', '--from-literal=a=b'])).code).toBe(0);
    expect((await kubectl(['get', 'secret', 'plain', '-o', 'jsonpath={.data}'])).out).toBe('{"a":"Yg=="}');
  });
});
