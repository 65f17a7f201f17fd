import { describe, expect, it } from 'vitest';
import { insideAddresses, isInsideAddress, outsideAddresses } from '../../../src/backends/sim/net-ranges.js';

describe('simulator address ranges', () => {
  it.each([
    ['10.244.3.5', true],
    ['10.96.0.10', true],
    ['10.111.255.1', true],
    ['10.112.0.1', false],
    ['172.18.255.1', true],
    ['127.0.0.1', false],
    ['104.197.41.11', false],
    ['10.244.300.1', false],
  ])('%s inside: %s', (ip, inside) => {
    expect(isInsideAddress(ip)).toBe(inside);
  });

  it('names the addresses network tools would connect to, not those kubectl is given', () => {
    expect(insideAddresses('curl -k https://10.244.3.5')).toEqual(['10.244.3.5']);
    expect(insideAddresses('FOO=1 wget -qO- http://172.18.255.1:8080/ | head')).toEqual(['172.18.255.1']);
    expect(insideAddresses('kubectl exec web -- curl 10.244.0.7')).toEqual([]);
    expect(insideAddresses('curl https://104.197.41.11:32453 -k')).toEqual([]);
    expect(insideAddresses('echo 10.244.0.7')).toEqual([]);
  });

  it('names the addresses neither this machine nor the simulated cluster has', () => {
    expect(outsideAddresses('curl 203.0.113.140')).toEqual(['203.0.113.140']);
    expect(outsideAddresses('curl -s 10.0.170.92:8080 | grep x')).toEqual(['10.0.170.92']);
    expect(outsideAddresses('curl http://127.0.0.1:8001/version')).toEqual([]);
    expect(outsideAddresses('curl 10.244.3.5')).toEqual([]);
    expect(outsideAddresses('kubectl exec web -- curl 203.0.113.140')).toEqual([]);
  });
});
