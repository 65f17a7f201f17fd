import { describe, expect, it } from 'vitest';
import { attachedProcess, attachTarget } from '../../src/run/attach.js';

const pod = (container: Record<string, unknown>, annotations?: Record<string, string>) => ({
  metadata: { name: 'web', ...(annotations ? { annotations } : {}) },
  spec: {
    containers: [
      { name: 'main', image: 'nginx' },
      { name: 'shell', ...container },
    ],
  },
});

describe('attachTarget', () => {
  it('reads the pod, container and namespace of `kubectl attach -it`', () => {
    expect(attachTarget('kubectl attach -it nginx -c shell -n demo')).toEqual({ pod: 'nginx', container: 'shell', namespace: 'demo' });
    expect(attachTarget('kubectl attach pod/nginx -i')).toEqual({ pod: 'nginx' });
  });
  it('is undefined for an attach that only streams output, and for other commands', () => {
    expect(attachTarget('kubectl attach nginx')).toBeUndefined();
    expect(attachTarget('kubectl exec -it nginx -- sh')).toBeUndefined();
    // Two arguments: kubectl refuses them before attaching.
    expect(attachTarget('kubectl attach -it web bash')).toBeUndefined();
  });
});

describe('attachedProcess', () => {
  const target = { pod: 'web', container: 'shell' };
  it.each([
    ['an image whose default command is a shell', { image: 'busybox:1.28', stdin: true, tty: true }, {}],
    ['a shell as the command', { image: 'nginx', command: ['/bin/bash'], stdin: true, tty: true }, { program: '/bin/bash' }],
    ['a shell with options but no script', { image: 'nginx', command: ['sh', '-i'], stdin: true, tty: true }, { program: 'sh' }],
  ])('is a shell for %s, named as the spec names it', (_what, c, program) => {
    expect(attachedProcess(pod(c), target, true)).toEqual({ shell: true, container: 'shell', ...program });
  });

  it.each([
    ['a program that is not a shell', { image: 'busybox:1.28', command: ['sleep', '3600'], stdin: true, tty: true }, /`sleep 3600`, which is not a shell/],
    ['a shell running a script', { image: 'busybox', command: ['sh', '-c', 'sleep 3600'], stdin: true, tty: true }, /which is not a shell/],
    [
      'an image whose default command is a server',
      { image: 'nginx:1.27', stdin: true, tty: true },
      /the default command of image nginx:1.27, which is not a shell/,
    ],
    ['a shell without stdin', { image: 'busybox' }, /does not keep stdin open/],
    ['a shell without a terminal for -t', { image: 'busybox', stdin: true }, /has no terminal/],
  ])('is not a shell for %s, and says why', (_what, c, why) => {
    const p = attachedProcess(pod(c), target, true);
    expect(p.shell).toBe(false);
    expect(!p.shell && p.why).toMatch(why);
  });

  it('attaches to the default container, else the first, when no -c is given', () => {
    const shellPod = pod({ image: 'busybox', stdin: true, tty: true }, { 'kubectl.kubernetes.io/default-container': 'shell' });
    expect(attachedProcess(shellPod, { pod: 'web' }, true)).toEqual({ shell: true, container: 'shell' });
    expect(attachedProcess(pod({ image: 'busybox', stdin: true, tty: true }), { pod: 'web' }, true)).toMatchObject({ shell: false });
  });
});
