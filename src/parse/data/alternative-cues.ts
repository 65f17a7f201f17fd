/**
 * Prose that presents the next command as another way to do what an earlier one did ("Or, use
 * literals", "Alternatively, …", "You can optionally set the key name … For example:", "If you want
 * to skip the encoding, you can create the Secret with …"). A reader runs one way or the other;
 * the runner uses the cue when the command then finds its object already made by the earlier way.
 */
export const ALTERNATIVE_CUES: readonly RegExp[] = [
  /\balternative(?:ly)?\b/i,
  /\byou can (?:also|optionally|instead)\b/i,
  /\byou can\b[^.]*\binstead\b/i,
  /^or\b/i,
  /\bif you (?:want|prefer|would rather|'d rather|don't want|do not want)\b[^.]*,\s*you can\b/i,
  /\b(?:another|other|second) way\b/i,
  /\bequivalent(?:ly)?\b/i,
];
