/**
 * A generated name the doc asks the reader to change (`kubectl logs web-7d9c6-x2k4p # change this
 * to the name of one of your Pods`): the name is the doc's cluster's, the comment says so, and no
 * earlier output bound it to one of this run. Which of the run's objects the reader would pick is
 * not knowable, so the step is skipped with that reason instead of failing on NotFound.
 */
import { REPLACE_COMMENT } from '../plan/data/placeholders.js';
import { kubectlCall, parseCommandLine } from '../shell/index.js';
import { podNameShape } from '../match/normalizers/pod-name.js';

/** A name of a controller's object: the general shape, or any 5-character last part. */
const GENERATED = (word: string): boolean => podNameShape(word) !== null || /^[a-z0-9]+(?:-[a-z0-9]+)*-[a-z0-9]{5}$/.test(word);

/** Why the command is the reader's to complete, or undefined. */
export function readerValue(command: string): string | undefined {
  const line = parseCommandLine(command);
  if (!line.comments.some((c) => REPLACE_COMMENT.test(`#${c.text.replace(/^#/, '')}`))) return undefined;
  for (const c of line.commands) {
    const k = kubectlCall(c);
    if (!k) continue;
    for (const w of k.positionals) {
      const name = w.value.includes('/') ? w.value.slice(w.value.indexOf('/') + 1) : w.value;
      if (GENERATED(name))
        return `the doc asks the reader to change ${name} (a name its own cluster generated) to one of theirs, and no earlier output showed which`;
    }
  }
  return undefined;
}
