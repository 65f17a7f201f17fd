/**
 * The lesson supervisor: a small bash program of ours that never runs lesson code. It reads
 * requests from the runner on stdin and runs each step in a fresh child bash, whose exit status
 * it learns with `wait` and reports after the step's output as `\n__KDT_<nonce>_<seq>_<status>_<exited>__\n`.
 *
 * Why one child per step: anything that runs in the same shell after a step's code (a trailing
 * `printf` marker, a status fd) can be subverted by that code or by what it leaves behind — a
 * function named `printf`, a DEBUG trap reading the nonce from `$BASH_COMMAND`, `exec >file`.
 * Here the child holds no secret and no channel: the nonce lives only in the supervisor, which
 * the lesson cannot read (under confinement it runs from an unreadable copy of bash, so it is not
 * dumpable: no ptrace, no /proc/PID/mem or /proc/PID/fd for the lesson's uid).
 *
 * State carries over as in a terminal, explicitly: the child's EXIT trap writes its working
 * directory, variables (exported or not), functions and aliases as NUL-separated records to
 * `<state>.new`; the supervisor keeps it when it is complete. The next child restores variables,
 * aliases and the directory as data (validated names, `printf -v`, `BASH_ALIASES[…]=`, `cd`), and
 * gets functions through bash's own function import (`BASH_FUNC_name%%`), which accepts one
 * function definition and nothing else; names of builtins, keywords and our own `__kdt*` names
 * are dropped, so no carried function can shadow what the trailer uses. Shell options and traps
 * do not carry over.
 *
 * Requests (NUL-terminated fields): `run <seq> <script>`, and during a step `stop`, which sends
 * SIGTERM to the step shell's children (the step's shell survives: it has a TERM handler).
 */

/** Variables a step cannot carry over: bash's own, and the trailer's (other `__kdt_*` ones, such as a background job's pid, do). */
export const SPECIAL =
  '__kdt_rc|__kdt_save|__kdt_state|__kdt_out|__kdt_tmp|__kdt_script|__kdt_[abiklnv]|__kdt_keep|BASH|BASH_*|BASHOPTS|BASHPID|EUID|UID|PPID|SHELLOPTS|RANDOM|SRANDOM|SECONDS|LINENO|FUNCNAME|GROUPS|HISTCMD|PIPESTATUS|_|DIRSTACK|EPOCHREALTIME|EPOCHSECONDS|COMP_WORDBREAKS|PWD|SHLVL|OPTIND|OPTERR|HOSTNAME|HOSTTYPE|MACHTYPE|OSTYPE|IFS|PS1|PS2|PS4';

/**
 * What the step's shell runs after the step's code: its state as NUL-separated records. Held in
 * a readonly variable and run with `eval`, so no function or variable the step defines can change it.
 */
const SAVE = String.raw`{
  printf 'C\0\0%s\0' "$PWD"
  compgen -v >|"$__kdt_tmp"
  mapfile -t __kdt_l <"$__kdt_tmp"
  for __kdt_n in "${'${'}__kdt_l[@]}"; do
    case $__kdt_n in ${SPECIAL}) continue ;; esac
    __kdt_a=${'${'}!__kdt_n@a}
    case $__kdt_a in *[aAn]*) continue ;; esac
    case $__kdt_a in *x*) printf 'X\0%s\0%s\0' "$__kdt_n" "${'${'}!__kdt_n}" ;; *) printf 'V\0%s\0%s\0' "$__kdt_n" "${'${'}!__kdt_n}" ;; esac
  done
  compgen -A function >|"$__kdt_tmp"
  mapfile -t __kdt_l <"$__kdt_tmp"
  for __kdt_n in "${'${'}__kdt_l[@]}"; do
    case $__kdt_n in __kdt*) continue ;; esac
    declare -f -- "$__kdt_n" >|"$__kdt_tmp"
    IFS= read -r -d '' __kdt_b <"$__kdt_tmp"
    printf 'F\0%s\0%s\0' "$__kdt_n" "${'${'}__kdt_b%$'\n'}"
  done
  for __kdt_n in "${'${'}!BASH_ALIASES[@]}"; do printf 'A\0%s\0%s\0' "$__kdt_n" "${'${'}BASH_ALIASES[$__kdt_n]}"; done
  printf 'E\0\0\0'
} >|"$__kdt_out" 2>/dev/null`;

/**
 * Runs in each step's child: `bash -c PROLOGUE bash <state> <script>`. It restores the carried
 * state as data, runs the step with `eval`, then — only when the step's code ended by itself —
 * saves the state. The trailer first takes `$?`, switches to POSIX mode (special builtins such as
 * `unset`, `trap`, `exit` then win over functions), removes any function that could stand in for
 * a builtin it uses, drops the step's traps and turns alias expansion off; its words are quoted so
 * no alias applies to them. A step that ends the shell (`exit`, `set -e`, `exec`) writes no state,
 * which the supervisor reports as the step having ended its shell; the next step starts from the
 * state before it.
 */
export const PROLOGUE = String.raw`__kdt_state=$1 __kdt_out=$2 __kdt_tmp=$3 __kdt_script=$4
set --
readonly __kdt_save=${"'"}${SAVE.replaceAll("'", `'\\''`)}${"'"}
if [[ -n $__kdt_state ]]; then
  declare -A __kdt_keep=()
  # One mapfile reads the records: a \`read\` per field costs a millisecond or two per step.
  mapfile -d '' -t __kdt_l <"$__kdt_state"
  for ((__kdt_i = 0; __kdt_i + 2 < ${'${'}#__kdt_l[@]}; __kdt_i += 3)); do
    __kdt_k=${'${'}__kdt_l[__kdt_i]} __kdt_n=${'${'}__kdt_l[__kdt_i+1]} __kdt_v=${'${'}__kdt_l[__kdt_i+2]}
    case $__kdt_k in
      C) cd -- "$__kdt_v" 2>/dev/null ;;
      V|X)
        [[ $__kdt_n =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
        case $__kdt_n in ${SPECIAL}) continue ;; esac
        __kdt_keep[$__kdt_n]=1
        printf -v "$__kdt_n" '%s' "$__kdt_v" 2>/dev/null || continue
        if [[ $__kdt_k == X ]]; then export -- "$__kdt_n"; else export -n -- "$__kdt_n"; fi ;;
      A) [[ $__kdt_n =~ ^[A-Za-z0-9_.:@%+,-]+$ ]] && BASH_ALIASES[$__kdt_n]=$__kdt_v ;;
    esac
  done
  compgen -e >|"$__kdt_tmp"
  mapfile -t __kdt_l <"$__kdt_tmp"
  for __kdt_n in "${'${'}__kdt_l[@]}"; do
    case $__kdt_n in ${SPECIAL}) continue ;; esac
    [[ -n ${'${'}__kdt_keep[$__kdt_n]} ]] || unset -v -- "$__kdt_n"
  done
  unset -v __kdt_keep __kdt_k __kdt_n __kdt_v __kdt_l __kdt_i
fi
trap ':' TERM
eval "$__kdt_script"
__kdt_rc=$?
POSIXLY_CORRECT=1; \unset -f printf compgen declare shopt builtin command eval exit trap set unset read mapfile; \trap - EXIT DEBUG ERR RETURN TERM; \set +euo pipefail; \shopt -u expand_aliases
unset -v POSIXLY_CORRECT
eval "$__kdt_save"
exit "$__kdt_rc"
`;

/**
 * The supervisor: `bash -c SUPERVISOR kdt-supervisor <stateDir> <bash> [<node> <listener> <port>]`.
 * With the last three it first has the API listener (forward.ts) hand its socket to the runner
 * over the runner's IPC channel, then closes the channel: no step ever holds it, nor sees its
 * variables.
 */
export const SUPERVISOR = String.raw`set -m 2>/dev/null
__dir=$1 __bash=$2 __cur=
__chan=${'${'}NODE_CHANNEL_FD-} __mode=${'${'}NODE_CHANNEL_SERIALIZATION_MODE-}
unset -v NODE_CHANNEL_FD NODE_CHANNEL_SERIALIZATION_MODE
IFS= read -r -d '' __nonce || exit 1
if [[ -n $3 ]]; then
  __said=$(NODE_CHANNEL_FD=$__chan NODE_CHANNEL_SERIALIZATION_MODE=$__mode "$3" -e "$4" "$5" </dev/null 2>&1) ||
    { echo "kubedoctest: the API listener did not start: ${'${'}__said:-no channel to the runner}" >&2; exit 1; }
fi
# No step gets a descriptor but its stdin and output: not the channel, nor any the runner
# inherited without close-on-exec (bubblewrap passes them on).
for __f in /proc/self/fd/*; do
  __f=${'${'}__f##*/}
  [[ $__f =~ ^[0-9]+$ ]] && ((__f > 2)) && eval "exec $__f>&-" 2>/dev/null
done
unset -v __chan __mode __said __f
# SIGTERM to the step's own children (the bounded watch's \`timeout\`), as a reader's Ctrl-C would stop it.
__stop() {
  local p s
  for p in /proc/[0-9]*; do
    read -r s <"$p/stat" 2>/dev/null || continue
    s=${'${'}s##*) }
    set -- $s
    [[ $2 == "$__pid" ]] && kill -TERM "${'${'}p#/proc/}" 2>/dev/null
  done
}
__launch() {
  if ((${'${'}#__env[@]})); then exec env "${'${'}__env[@]}" "$__bash" --noprofile --norc -O expand_aliases -c "$__prologue" bash "$__cur" "$__next" "$__dir/scratch" "$__script"; fi
  exec "$__bash" --noprofile --norc -O expand_aliases -c "$__prologue" bash "$__cur" "$__next" "$__dir/scratch" "$__script"
}
declare -A __reserved=()
for __n in $(compgen -b) $(compgen -k); do __reserved[$__n]=1; done
__prologue='${PROLOGUE.replaceAll("'", `'\\''`)}'
while IFS= read -r -d '' __cmd; do
  [[ $__cmd == run ]] || continue
  IFS= read -r -d '' __seq || exit 1
  IFS= read -r -d '' __script || exit 1
  __env=()
  if [[ -n $__cur ]]; then
    mapfile -d '' -t __rec <"$__cur"
    for ((__i = 0; __i + 2 < ${'${'}#__rec[@]}; __i += 3)); do
      __k=${'${'}__rec[__i]} __n=${'${'}__rec[__i+1]} __v=${'${'}__rec[__i+2]}
      [[ $__k == F && $__n =~ ^[A-Za-z_][A-Za-z0-9_.:-]*$ && $__n != __kdt* && -z ${'${'}__reserved[$__n]} && $__v == *$'\n{'* ]] || continue
      __env+=("BASH_FUNC_$__n%%=() {${'${'}__v#*$'\n{'}")
    done
  fi
  # Two state files in turn: the step reads the current one and writes the other.
  [[ $__cur == "$__dir/state-a" ]] && __next=$__dir/state-b || __next=$__dir/state-a
  : >|"$__next"
  __launch </dev/null 2>&1 &
  __pid=$!
  ( while IFS= read -r -d '' __c; do [[ $__c == stop ]] && __stop; done ) <&0 &
  __reader=$!
  while :; do
    wait "$__pid"
    __rc=$?
    kill -0 "$__pid" 2>/dev/null || break
  done
  kill "$__reader" 2>/dev/null
  wait "$__reader" 2>/dev/null
  # The kind of the last complete record: \`E\` when the step's state was saved whole. A step that
  # ended its own shell (\`exit\`, \`set -e\`, \`exec\`) saved none: the next step starts from the
  # state before it, as after a subshell, so no step can end the lesson's shell.
  __exited=1 __last=
  mapfile -d '' -t __rec <"$__next"
  ((${'${'}#__rec[@]} >= 3)) && __last=${'${'}__rec[${'${'}#__rec[@]} / 3 * 3 - 3]}
  if [[ $__last == E ]]; then __cur=$__next __exited=0; fi
  printf '\n__KDT_%s_%s_%s_%s__\n' "$__nonce" "$__seq" "$__rc" "$__exited"
done
`;
