/**
 * The reader's own container images: building one (`docker build -t job-wq-2 .`), tagging it for
 * a registry and pushing it there (with Docker, Podman, `gcloud docker -- push`, Cloud Build, crane, skopeo, ACR). The image, the Docker or Podman daemon and the reader's
 * registry account are outside what a backend models (the simulator never pulls an image), so such
 * a line is skipped with that reason instead of running the host's container CLI. `trigger` lines
 * must be read as image builds and `clean` lines must not (test/run/image-builds.test.ts).
 */
import { parseCommandLine } from '../shell/index.js';

interface ImageTool {
  program: string;
  /** Subcommand paths (words after the program) that build, tag or publish an image. */
  verbs: readonly (readonly string[])[];
}

export const IMAGE_TOOLS: readonly ImageTool[] = [
  ...['docker', 'podman', 'nerdctl'].map((program) => ({
    program,
    verbs: [['build'], ['buildx', 'build'], ['tag'], ['push'], ['image', 'build'], ['image', 'tag'], ['image', 'push'], ['commit']],
  })),
  { program: 'buildah', verbs: [['bud'], ['build'], ['push'], ['tag'], ['commit']] },
  { program: 'pack', verbs: [['build']] },
  { program: 'ko', verbs: [['build'], ['publish']] },
  // `gcloud docker -- push gcr.io/…` (the `--` is dropped with the flags), Cloud Build.
  {
    program: 'gcloud',
    verbs: [
      ['docker', 'push'],
      ['docker', 'tag'],
      ['docker', 'build'],
      ['builds', 'submit'],
    ],
  },
  { program: 'crane', verbs: [['push'], ['copy'], ['cp'], ['tag'], ['append'], ['mutate']] },
  { program: 'skopeo', verbs: [['copy']] },
  {
    program: 'az',
    verbs: [
      ['acr', 'build'],
      ['acr', 'import'],
    ],
  },
];

export const IMAGE_BUILD_FIXTURES = {
  trigger: [
    'docker build -t job-wq-2 .',
    'docker tag job-wq-2 registry.example/job-wq-2',
    'docker push registry.example/job-wq-2',
    'sudo podman build -t app:v1 -f Containerfile .',
    'docker buildx build --platform linux/amd64 -t web .',
    'docker image push web:1.0',
    'gcloud docker -- push gcr.io/my-project/my-kube-scheduler:1.0',
    'gcloud builds submit --tag gcr.io/my-project/app .',
    'podman push quay.io/me/app:v1',
    'crane push app.tar registry.example/app:v1',
    'skopeo copy docker-archive:app.tar docker://registry.example/app:v1',
    'az acr build --registry myregistry --image app:v1 .',
  ],
  clean: [
    'docker ps',
    'docker exec -it kind-control-plane bash',
    'docker images',
    'kubectl build',
    'echo docker build',
    'docker run --rm busybox',
    'gcloud container clusters get-credentials c1',
    'gcloud docker -- pull gcr.io/x/y',
    'crane digest nginx',
    'az aks get-credentials -g rg -n c1',
  ],
} as const;

/** Why the line is the reader's image build, tag or push (skipped), or undefined. */
export function readerImageBuild(command: string): string | undefined {
  for (const c of parseCommandLine(command).commands) {
    const tool = IMAGE_TOOLS.find((t) => t.program === c.name);
    if (!tool) continue;
    const words = c.args.filter((w) => !w.value.startsWith('-')).map((w) => w.value);
    const verb = tool.verbs.find((v) => v.every((w, i) => words[i] === w));
    if (!verb) continue;
    return `\`${c.name} ${verb.join(' ')}\` builds or publishes the reader's own image with their container tool and registry, which the backend does not model; not run`;
  }
  return undefined;
}
