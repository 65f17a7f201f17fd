import { describe, expect, it } from 'vitest';
import { refusedLocalPort } from '../../src/shell/index.js';

describe('refusedLocalPort', () => {
  it.each([
    ["curl: (7) Failed to connect to localhost port 10249 after 0 ms: Couldn't connect to server", 10249],
    ['curl: (7) Failed to connect to 127.0.0.1 port 30080 after 1 ms: Connection refused', 30080],
    ['* connect to 127.0.0.1 port 8080 failed: Connection refused', 8080],
  ])('reads the port of a refusal on the machine itself: %s', (output, port) => {
    expect(refusedLocalPort(output)).toBe(port);
  });

  it.each([
    ['curl: (7) Failed to connect to 10.96.0.1 port 443 after 0 ms: Could not connect to server'],
    ['curl: (6) Could not resolve host: localhost.example'],
    ['ok'],
  ])('reads nothing from another address or another error: %s', (output) => {
    expect(refusedLocalPort(output)).toBeUndefined();
  });
});
