import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Fake `kind` and `docker` binaries that record their calls, so the kind backend's own logic
 * (arguments, cleanup on failure, timeout and abort) is tested where no Docker engine exists.
 * `kind create cluster` copies $FAKE_KIND_KUBECONFIG to the --kubeconfig path it is given.
 */
export async function makeFakeTools(): Promise<{ dir: string; kind: string; docker: string; cloud: string; log: string; calls(): Promise<string[]> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kdt-fake-'));
  const log = join(dir, 'calls.log');
  const kind = join(dir, 'kind');
  const docker = join(dir, 'docker');
  await writeFile(
    kind,
    `#!/usr/bin/env bash
echo "kind $*" >> "${log}"
case "$1" in
  version) echo "kind v0.24.0 go1.22.6 linux/amd64" ;;
  create)
    kc=""; prev=""
    for a in "$@"; do [ "$prev" = "--kubeconfig" ] && kc="$a"; prev="$a"; done
    if [ -n "\${FAKE_KIND_CREATE_SLEEP:-}" ]; then sleep "$FAKE_KIND_CREATE_SLEEP"; fi
    if [ -n "\${FAKE_KIND_FAIL:-}" ]; then echo "ERROR: failed to create cluster: $FAKE_KIND_FAIL" >&2; exit 1; fi
    cp "\${FAKE_KIND_KUBECONFIG:-/dev/null}" "$kc"
    echo "Creating cluster ..." >&2 ;;
  delete) echo "Deleting cluster ..." >&2 ;;
  get)
    name=""; prev=""
    for a in "$@"; do [ "$prev" = "--name" ] && name="$a"; prev="$a"; done
    if [ "$name" != "\${FAKE_KIND_EXISTING:-}" ]; then echo "ERROR: could not locate any control plane nodes for cluster named '$name'" >&2; exit 1; fi
    sed "s/kubedoctest-sim/kind-$name/g" "$FAKE_KIND_KUBECONFIG" ;;
  *) echo "unknown command $1" >&2; exit 1 ;;
esac
`,
  );
  await writeFile(
    docker,
    `#!/usr/bin/env bash
echo "docker $*" >> "${log}"
case "$1" in
  info) if [ -n "\${FAKE_DOCKER_DOWN:-}" ]; then echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2; exit 1; fi; echo "27.0.0" ;;
  exec) shift; node="$1"; shift; "$@" ;;
  *) exit 1 ;;
esac
`,
  );
  const cloud = join(dir, 'cloud-provider-kind');
  await writeFile(cloud, `#!/usr/bin/env bash\necho $$ > "${join(dir, 'cloud.pid')}"\nexec sleep 600\n`);
  await chmod(cloud, 0o755);
  await chmod(kind, 0o755);
  await chmod(docker, 0o755);
  return {
    dir,
    kind,
    docker,
    cloud: join(dir, 'cloud-provider-kind'),
    log,
    calls: async () => (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean),
  };
}
