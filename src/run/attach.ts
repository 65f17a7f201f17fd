/**
 * `kubectl attach -it POD [-c C]` connects the reader's terminal to the container's main process:
 * it starts nothing (kubectl's attach.go streams the running process's stdin and tty). The lines
 * a page types after it run in a shell only when that process is one: the container's command
 * (or, with none, the image's default command) is a shell without a script (`sh`, `/bin/bash`; not
 * `sleep 3600`, not `sh -c …`), and the container keeps stdin open (`stdin: true`) and, for `-t`,
 * has a terminal (`tty: true`). The runner decides it from the pod's spec in the cluster: a shell
 * opens a pod shell in that container (its lines run with `kubectl exec -i`, as after `exec -it`);
 * anything else is said plainly and the step is not run.
 */
import { firstKubectlCall, flagValue, hasFlag } from '../shell/index.js';
import { SHELL_IMAGES } from '../shell/data/shell-images.js';
import { SCRIPT_SHELLS } from '../shell/data/never-ending.js';

/** Images whose default command is a shell (by the repository's last path segment). */
const SHELL_IMAGE_NAMES: ReadonlySet<string> = new Set(SHELL_IMAGES);

/** What `kubectl attach -i|-t` names: the pod, the container (`-c`), the namespace. */
export interface AttachTarget {
  pod: string;
  container?: string;
  namespace?: string;
}

/** The target of a `kubectl attach` with `-i` or `-t`, or undefined for any other line. */
export function attachTarget(command: string): AttachTarget | undefined {
  const k = firstKubectlCall(command);
  if (!k || k.path[0]?.value !== 'attach' || !hasFlag(k, '-t', '--tty', '-i', '--stdin')) return undefined;
  // kubectl takes one argument (`attach web bash` reads TYPE NAME and is refused: interactive-arguments.ts).
  if (k.positionals.length !== 1 || k.afterDashDash !== undefined) return undefined;
  const pod = k.positionals[0]?.value.replace(/^(?:pods?|po)\//, '');
  if (!pod || pod.includes('/')) return undefined;
  const container = flagValue(k, '-c', '--container');
  const namespace = flagValue(k, '-n', '--namespace');
  return { pod, ...(container ? { container } : {}), ...(namespace ? { namespace } : {}) };
}

interface ContainerSpec {
  name?: string;
  image?: string;
  command?: string[];
  args?: string[];
  stdin?: boolean;
  tty?: boolean;
}

/** What the attached process is: a shell in `container`, or why not. */
/** `program`: the shell the container runs as written in its spec (`/bin/sh`), when the spec names it. */
type AttachedProcess = { shell: true; container: string; program?: string } | { shell: false; why: string };

/**
 * The process `kubectl attach` reaches in a pod (`pod`: the object as `kubectl get -o json` prints
 * it): the `-c` container, else the `kubectl.kubernetes.io/default-container` one, else the first.
 */
export function attachedProcess(pod: unknown, target: AttachTarget, tty: boolean): AttachedProcess {
  const p = pod as { metadata?: { annotations?: Record<string, string> }; spec?: { containers?: ContainerSpec[] } };
  const containers = p.spec?.containers ?? [];
  const name = target.container ?? p.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  const c = name === undefined ? containers[0] : containers.find((x) => x.name === name);
  if (!c?.name) return { shell: false, why: `pod ${target.pod} has no container ${name ?? ''} to attach to`.replace(/ {2}/, ' ') };
  const argv = c.command?.length ? [...c.command, ...(c.args ?? [])] : (c.args ?? []);
  const image = (c.image ?? '').split('@')[0]!.split(':')[0]!.split('/').pop()!;
  const program = argv[0]?.split('/').pop();
  const main = argv.length ? `\`${argv.join(' ')}\`` : `the default command of image ${c.image ?? '?'}`;
  const isShell = argv.length
    ? program !== undefined && SCRIPT_SHELLS.has(program) && !argv.slice(1).some((a) => /^-[a-z]*c[a-z]*$/.test(a) || !a.startsWith('-'))
    : SHELL_IMAGE_NAMES.has(image);
  const about = `\`kubectl attach\` connects to the main process of container ${c.name}, ${main}`;
  if (!isShell)
    return { shell: false, why: `${about}, which is not a shell: the lines typed after it reach that process, not a shell (a reader sees no prompt); not run` };
  if (!c.stdin)
    return { shell: false, why: `${about}, a shell, but the container does not keep stdin open (\`stdin: true\`): nothing typed reaches it; not run` };
  if (tty && !c.tty) return { shell: false, why: `${about}, a shell, but the container has no terminal (\`tty: true\`) for \`-t\`; not run` };
  return { shell: true, container: c.name, ...(argv[0] ? { program: argv[0] } : {}) };
}
