import { describe, expect, it } from 'vitest';
import { scriptReason, scriptSign } from '../../src/parse/script-body.js';

const lines = (text: string) => text.split('\n').map((t, i) => ({ text: t, line: i + 1, column: 1 }));

describe('scriptSign', () => {
  it.each([
    ['#!/bin/sh\necho hello', 'shebang', '#!/bin/sh'],
    ['RESULT=$(echo ping | nc 127.0.0.1 $1)\necho "$RESULT"', 'positional-parameter', '$1'],
    ['for f in a b; do echo "$@"; done', 'positional-parameter', '$@'],
    ['if [ "$OK" == "yes" ]; then\n  exit 0\nelse\n  exit 1\nfi', 'exit', 'exit 0'],
    ['kubectl get ns demo || exit 1', 'exit', 'exit 1'],
    ['test -f /tmp/ready || return', 'return', 'return'],
    ['NAME=$2\nshift\necho "$NAME"', 'positional-parameter', '$2'],
    [
      '#include <tunables/global>\n\nprofile demo-deny-write flags=(attach_disconnected) {\n  file,\n  deny /** w,\n}',
      'not-shell',
      'profile demo-deny-write flags=(attach_disconnected) {',
    ],
  ])('finds the sign in %j', (text, name, shown) => {
    expect(scriptSign(lines(text))).toEqual({ name, text: shown });
  });

  it.each([
    'kubectl get pods',
    "kubectl get pods | awk '{print $1}'",
    'kubectl get pods | awk "{print \\$1}"',
    "bash -c 'echo $1' _ hello",
    "git clone --branch=`kubectl version | awk '{print $3}'` https://example.com/x.git",
    'cat <<EOF > probe.sh\n#!/bin/sh\nexit $1\nEOF',
    'greet() { echo "hi $1"; return 0; }\ngreet you',
    '(cd /tmp && exit 1)',
    'exit',
    // Shell a reader types, though bash cannot parse it: a known program stays a command (it fails as the page wrote it).
    "kubectl get pods -o jsonpath='{.items[*]}",
    'echo "unterminated',
  ])('finds none in %j', (text) => {
    expect(scriptSign(lines(text))).toBeUndefined();
  });

  it('should say what it found in the reason', () => {
    expect(scriptReason({ name: 'positional-parameter', text: '$1' })).toMatch(/body of a script .*`\$1`/);
    expect(scriptReason({ name: 'not-shell', text: 'profile x {' })).toBe(
      'the block is not lines to type: it cannot be read by a shell, and `profile` is no program',
    );
  });
});
