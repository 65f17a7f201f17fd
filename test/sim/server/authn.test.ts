import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_USER, ANONYMOUS_USER, authenticate, TOKEN_WITH_SPACE_WARNING } from '../../../src/backends/sim/server/authn.js';
import { requestAttributes, ruleAllows } from '../../../src/backends/sim/server/authz.js';
import { type SimFixture, startFixture } from './helpers.js';

describe('authenticate (the bearer token authenticator, then anonymous)', () => {
  const admin = 'admin-token';
  it.each([
    ['no header', undefined, { user: ANONYMOUS_USER }],
    ['an empty header', '', { user: ANONYMOUS_USER }],
    ['`Bearer ` with no token', 'Bearer ', { user: ANONYMOUS_USER }],
    ['another scheme', 'Basic YWRtaW46YWRtaW4=', { user: ANONYMOUS_USER }],
    ['a space before the token', `Bearer  ${admin}`, { user: ANONYMOUS_USER, warning: TOKEN_WITH_SPACE_WARNING }],
    ['a token nobody issued', 'Bearer not-a-token', { rejected: true }],
    ["the simulator's token", `Bearer ${admin}`, { user: ADMIN_USER }],
    ['the scheme in another case', `bearer ${admin}`, { user: ADMIN_USER }],
  ])('%s', (_, header, expected) => {
    expect(authenticate(header, admin)).toEqual(expected);
  });
});

describe('requestAttributes (RequestInfo)', () => {
  const attrs = (method: string, path: string) => {
    const a = requestAttributes(method, new URL(path, 'https://127.0.0.1'));
    return a.resourceRequest ? [a.verb, a.apiGroup, a.namespace, a.resource, a.subresource, a.name].join('|') : `${a.verb} path ${a.path}`;
  };
  it.each([
    ['GET', '/api', 'get path /api'],
    ['GET', '/api/v1', 'get path /api/v1'],
    ['GET', '/apis/apps/v1', 'get path /apis/apps/v1'],
    ['POST', '/healthz', 'post path /healthz'],
    ['GET', '/api/v1/pods', 'list|||pods||'],
    ['GET', '/api/v1/pods?watch=true', 'watch|||pods||'],
    ['GET', '/api/v1/namespaces/default/pods/web/log', 'get||default|pods|log|web'],
    ['DELETE', '/apis/apps/v1/namespaces/prod/deployments', 'deletecollection|apps|prod|deployments||'],
    ['GET', '/api/v1/namespaces/default', 'get||default|namespaces||default'],
    ['PUT', '/api/v1/namespaces/demo/finalize', 'update||demo|namespaces|finalize|demo'],
  ])('%s %s', (method, path, expected) => {
    expect(attrs(method, path)).toBe(expected);
  });

  it('matches RBAC rules as rbac/v1 does: `*`, resource/subresource, `*/subresource`, names, URL prefixes', () => {
    const log = requestAttributes('GET', new URL('https://x/api/v1/namespaces/default/pods/web/log'));
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['pods'] }, log)).toBe(false);
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['pods/log'] }, log)).toBe(true);
    expect(ruleAllows({ verbs: ['*'], apiGroups: ['*'], resources: ['*/log'] }, log)).toBe(true);
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['pods/log'], resourceNames: ['other'] }, log)).toBe(false);
    const api = requestAttributes('GET', new URL('https://x/apis/apps'));
    expect(ruleAllows({ verbs: ['get'], nonResourceURLs: ['/apis/*'] }, api)).toBe(true);
    expect(ruleAllows({ verbs: ['get'], nonResourceURLs: ['/api'] }, api)).toBe(false);
  });
});

describe('requests without the admin token, through curl as a reader sends them', () => {
  let fx: SimFixture;
  let cacert: string;
  beforeAll(async () => {
    fx = await startFixture();
    cacert = join(fx.home, 'ca.crt');
    await writeFile(cacert, fx.sim.caPem);
  });
  afterAll(async () => {
    await fx?.stop();
  });

  const curl = async (path: string, token: string | undefined, ...extra: string[]) => {
    const header = token === undefined ? [] : ['--header', `Authorization: Bearer ${token}`];
    const r = await execa('curl', ['-sS', '--cacert', cacert, ...header, ...extra, `${fx.sim.url}${path}`], { reject: false });
    return r.stdout;
  };

  it('treats an empty bearer token as no credentials: anonymous, forbidden /api (system:discovery is for system:authenticated)', async () => {
    const reply = await curl('/api', '');
    expect(JSON.parse(reply)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'forbidden: User "system:anonymous" cannot get path "/api"',
      reason: 'Forbidden',
      details: {},
      code: 403,
    });
    expect(JSON.parse(await curl('/api/v1/namespaces/default/pods', undefined))).toMatchObject({
      message: 'pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"',
      details: { kind: 'pods' },
      code: 403,
    });
    expect(JSON.parse(await curl('/apis/apps/v1/namespaces/default/deployments/web', ''))).toMatchObject({
      message: 'deployments.apps "web" is forbidden: User "system:anonymous" cannot get resource "deployments" in API group "apps" in the namespace "default"',
      details: { name: 'web', group: 'apps', kind: 'deployments' },
    });
    // system:public-info-viewer is bound to system:unauthenticated too.
    expect(await curl('/healthz', '')).toBe('ok');
    expect(JSON.parse(await curl('/version', undefined)).gitVersion).toMatch(/^v1\./);
    // A token nobody issued is a 401.
    expect(JSON.parse(await curl('/api', 'made-up'))).toMatchObject({ reason: 'Unauthorized', code: 401 });
  });

  it("authorizes a ServiceAccount's token by the cluster's RBAC: discovery, then what its Role grants", async () => {
    const kubectl = async (...args: string[]) => {
      const r = await fx.kubectl(args);
      expect(r.exitCode, r.stderr).toBe(0);
      return r.stdout.trim();
    };
    await kubectl('create', 'serviceaccount', 'reader');
    const token = await kubectl('create', 'token', 'reader');
    expect(JSON.parse(await curl('/api', token))).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    expect(JSON.parse(await curl('/api/v1/namespaces/default/pods', token))).toMatchObject({
      message: 'pods is forbidden: User "system:serviceaccount:default:reader" cannot list resource "pods" in API group "" in the namespace "default"',
      code: 403,
    });
    await kubectl('create', 'role', 'pod-reader', '--verb=get,list', '--resource=pods');
    await kubectl('create', 'rolebinding', 'reader-pods', '--role=pod-reader', '--serviceaccount=default:reader');
    expect(JSON.parse(await curl('/api/v1/namespaces/default/pods', token))).toMatchObject({ kind: 'PodList', items: [] });
    // The Role is in default only.
    expect(JSON.parse(await curl('/api/v1/namespaces/kube-system/pods', token))).toMatchObject({ code: 403 });
    // A token of a ServiceAccount that is gone no longer authenticates.
    await kubectl('delete', 'serviceaccount', 'reader');
    expect(JSON.parse(await curl('/api', token))).toMatchObject({ code: 401 });
  });

  it('passes on the warning for a space before the token, and goes on anonymously', async () => {
    const r = await execa('curl', ['-sS', '-i', '--cacert', cacert, '--header', `Authorization: Bearer  ${fx.sim.token}`, `${fx.sim.url}/api`], {
      reject: false,
    });
    expect(r.stdout).toContain(`Warning: 299 - "${TOKEN_WITH_SPACE_WARNING}"`);
    expect(r.stdout).toContain('forbidden: User \\"system:anonymous\\" cannot get path \\"/api\\"');
  });
});
