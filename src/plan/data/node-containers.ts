/**
 * The containers a local cluster runs as its nodes on the reader's container runtime: kind's
 * (`kind-control-plane`, `kind-worker2`, `<cluster>-control-plane`, image `kindest/node`) and
 * minikube's Docker driver (`minikube`, `minikube-m02`, image `gcr.io/k8s-minikube/kicbase`).
 * `docker exec <node container> <program…>` runs that program on a node; `docker ps` listing them
 * shows the reader's runtime, which no backend reproduces. `trigger` names and listing rows must be
 * read as node containers and `clean` ones must not (test/plan/node-container.test.ts).
 */
export const NODE_CONTAINERS = {
  /** Container runtimes whose `exec`/`ps` a page uses to reach a local cluster's node containers. */
  runtimes: new Set(['docker', 'podman', 'nerdctl']),
  /** Names kind (`<cluster>-control-plane`, `<cluster>-worker[N]`) and minikube give their node containers. */
  name: /^(?:[a-z0-9][a-z0-9.-]*-(?:control-plane\d*|worker\d*)|minikube(?:-m\d{2})?)$/,
  /** Images of node containers, in a `docker ps` row. */
  image: /(?:^|[\s/])(?:kindest\/node|k8s-minikube\/kicbase)(?::|@|\s|$)/,
  /** A placeholder the reader replaces with a node container's id or name (`<node-container-id>`). */
  placeholder: /^<[^<>]*\b(?:node|control[-_ ]?plane|kind|minikube)\b[^<>]*>$/i,
  /** `docker exec` options that take a value as the next word. */
  execValueFlags: new Set(['-e', '--env', '-u', '--user', '-w', '--workdir', '--env-file', '--detach-keys']),
  trigger: {
    names: ['kind-control-plane', 'kind-worker', 'kind-worker2', 'psp-control-plane', 'minikube', 'minikube-m02'],
    rows: [
      '6a96207fed4b        kindest/node:v1.18.2   "/usr/local/bin/entr…"   27 seconds ago      Up 24 seconds       127.0.0.1:42223->6443/tcp   kind-control-plane',
      '1f0c1f2b3a4d   gcr.io/k8s-minikube/kicbase:v0.0.45   "/usr/local/bin/entr…"   2 hours ago   Up 2 hours   127.0.0.1:32772->22/tcp   minikube',
    ],
  },
  clean: {
    names: ['nginx', 'control-plane', 'my-worker-pod-7d9c6', 'kind', 'registry', 'web-0'],
    rows: [
      '5b920cbaf8b1        nginx:latest  "nginx -g \'daemon of   2 seconds ago ...',
      'e7a62e3427f1        registry:2    "/entrypoint.sh /etc…"   5 minutes ago   Up 5 minutes   0.0.0.0:5000->5000/tcp   kind-registry',
    ],
  },
} as const;
