import { describe } from 'vitest';
import { externalIp } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('external-ip', () => {
  normalizerCases(externalIp, [
    ['<pending>', '172.18.255.1', true, 'EXTERNAL-IP'],
    ['<none>', '<pending>', true, 'EXTERNAL-IP'],
    ['104.198.205.71', '<pending>', true, 'EXTERNAL-IP'],
    ['104.198.205.71', 'a1b2.elb.amazonaws.com', true, 'EXTERNAL-IP'],
    ['<pending>', '172.18.255.1', true, 'LoadBalancer Ingress'],
    ['LoadBalancer Ingress: 104.198.205.71', 'LoadBalancer Ingress: 172.18.255.1', true],
    // kubectl 1.30+ adds the ipMode
    ['LoadBalancer Ingress: a3205.us-east-1.elb.amazonaws.com', 'LoadBalancer Ingress: 172.18.255.1 (VIP)', true],
    ['LoadBalancer Ingress: 104.198.205.71', 'LoadBalancer Ingress: 172.18.255.1 (VIP), 172.18.255.2 (Proxy)', true],
    ['LoadBalancer Ingress: 104.198.205.71', 'LoadBalancer Ingress: 172.18.255.1 (Other)', false],
    // only in EXTERNAL-IP columns
    ['<pending>', '172.18.255.1', false, 'STATUS'],
    ['<pending>', '172.18.255.1 extra', false, 'EXTERNAL-IP'],
  ]);
});
