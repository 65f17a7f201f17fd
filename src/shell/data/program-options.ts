/**
 * How programs other than kubectl read their options (kubectl has its generated table,
 * `kubectl-flags.ts`): which options take the next word as their value, and which make the
 * program run code given on its command line instead of a file. One table for every stage that
 * asks for a program's operands: lint's files a command reads, the sessions `ssh` and
 * `minikube ssh` open, a database client's command after its options. A program in no row has
 * no option that takes a value. From each program's manual (GNU coreutils, OpenSSH ssh(1),
 * bash(1), python(1), node(1), jq(1), yq, redis-cli, minikube, `gcloud compute ssh`, `vagrant ssh`).
 */
export interface ProgramOptions {
  /** Options that take the next word as their value (`-n 5`; also written `-n5`, `--lines=5`). */
  value?: readonly string[];
  /** Options that take the next two words (`jq --arg name value`). */
  twoValues?: readonly string[];
  /** Options whose value is the code to run (`bash -c '…'`, `python -m http.server`): the program reads no script file. */
  inline?: readonly string[];
}

export const PROGRAM_OPTIONS: Readonly<Record<string, ProgramOptions>> = {
  head: { value: ['-n', '-c', '--lines', '--bytes'] },
  tail: { value: ['-n', '-c', '-s', '--lines', '--bytes', '--pid', '--sleep-interval'] },
  more: { value: ['-n', '--lines'] },
  less: { value: ['-b', '-h', '-j', '-k', '-o', '-O', '-p', '-P', '-t', '-T', '-x', '-y', '-z'] },
  base64: { value: ['-w', '--wrap'] },
  bash: { value: ['-o', '-O', '--rcfile', '--init-file'], inline: ['-c'] },
  sh: { value: ['-o'], inline: ['-c'] },
  python: { value: ['-W', '-X', '-Q'], inline: ['-c', '-m'] },
  python3: { value: ['-W', '-X'], inline: ['-c', '-m'] },
  node: { value: ['-r', '--require', '--import', '--loader', '-C', '--conditions'], inline: ['-e', '--eval', '-p', '--print'] },
  envsubst: {},
  jq: { value: ['-f', '--from-file', '-L', '--indent', '--tab'], twoValues: ['--arg', '--argjson', '--slurpfile', '--rawfile'] },
  yq: { value: ['-o', '--output-format', '-p', '--input-format', '-I', '--indent', '--from-file'] },
  ssh: { value: ['-B', '-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-P', '-p', '-Q', '-R', '-S', '-W', '-w'] },
  minikube: { value: ['-n', '--node', '-p', '--profile'] },
  // `gcloud compute ssh` and the flags every gcloud command takes; `--command` runs once.
  gcloud: {
    value: [
      '--container',
      '--ssh-flag',
      '--ssh-key-file',
      '--strict-host-key-checking',
      '--zone',
      '--network',
      '--region',
      '--dest-group',
      '--ssh-key-expiration',
      '--ssh-key-expire-after',
      '--account',
      '--billing-project',
      '--configuration',
      '--flags-file',
      '--flatten',
      '--format',
      '--impersonate-service-account',
      '--project',
      '--trace-token',
      '--verbosity',
    ],
    inline: ['--command'],
  },
  // `vagrant ssh [name] [-- ssh arguments]`; `-c` runs once.
  vagrant: { inline: ['-c', '--command'] },
  'redis-cli': { value: ['-h', '-p', '-a', '-n', '-s', '-u', '-r', '-i', '-d', '--host', '--port', '--pass', '--user'] },
};
