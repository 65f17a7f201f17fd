import { describe, expect, it } from 'vitest';
import { PROXY_CLIENT } from '../../src/plan/data/places.js';
import { isDefaultProxyRequest, localRequest, proxyPort } from '../../src/plan/proxy-client.js';

describe('requests through kubectl proxy', () => {
  it.each(PROXY_CLIENT.trigger.map((t) => [t]))('reads %s as a request to the API through the proxy', (line) => {
    expect(isDefaultProxyRequest(line)).toBe(true);
  });
  it.each(PROXY_CLIENT.clean.map((t) => [t]))('does not read %s as one', (line) => {
    expect(isDefaultProxyRequest(line)).toBe(false);
  });

  it('reads the port and path of a request to another port', () => {
    expect(localRequest('curl -s http://127.0.0.1:8011/apis/apps/v1')).toEqual({ port: 8011, path: '/apis/apps/v1', api: true });
    expect(localRequest('curl localhost/')).toEqual({ port: undefined, path: '/', api: false });
  });

  it('reads the port kubectl proxy listens on', () => {
    expect(proxyPort('kubectl proxy')).toBe(8001);
    expect(proxyPort('kubectl proxy --port=8080 &')).toBe(8080);
    expect(proxyPort('kubectl proxy -p 9000')).toBe(9000);
    expect(proxyPort('kubectl port-forward svc/web 8001:80')).toBeUndefined();
  });
});
