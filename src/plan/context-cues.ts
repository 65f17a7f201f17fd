import {
  CONCURRENT_CUES,
  CONTEXT_CUES,
  HEADING_POD_CUE,
  NODE_SHELL_CUES,
  RETURN_TERMINAL_CUES,
  SESSION_END_CUES,
  STOP_RUNNING_CUES,
  type ContextCue,
} from './data/context-cues.js';

/**
 * Texts made plain lately: each paragraph is asked about by several cues in a row (lead-in,
 * concurrent, session end, …), each of which reads it plain. Small, so it holds one page's
 * recent paragraphs, never a site's.
 */
const plainCache = new Map<string, string>();
const PLAIN_CACHE_LIMIT = 64;
let lastParagraph: string | undefined;
let lastSentences: readonly string[] = [];

/** Strips Markdown/Hugo decoration that does not change what a sentence says. */
export function plainProse(text: string): string {
  let plain = plainCache.get(text);
  if (plain === undefined) {
    plain = text
      .replace(/\{\{[<%][^}]*[%>]\}\}/g, ' ')
      .replace(/[*_]/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
    if (plainCache.size >= PLAIN_CACHE_LIMIT) plainCache.clear();
    plainCache.set(text, plain);
  }
  return plain;
}

/** The sentences of a paragraph, in order (shared with the next caller asking about the same paragraph). */
export function sentencesOf(text: string): readonly string[] {
  if (text !== lastParagraph) {
    lastSentences = Object.freeze(
      plainProse(text)
        .split(/(?<=[.!?:])\s+(?=\S)/)
        .filter((s) => s !== ''),
    );
    lastParagraph = text;
  }
  return lastSentences;
}

/** A context cue found in a sentence. */
export interface ContextCueMatch {
  kind: ContextCue['kind'];
  id: string;
  text: string;
}

/** The context cue of one sentence (a lead-in such as "From within a Pod, run:"), if any. */
export function matchContextCue(sentence: string): ContextCueMatch | undefined {
  const text = plainProse(sentence).replace(/`/g, '');
  for (const cue of CONTEXT_CUES) {
    if (!cue.pattern.test(text)) continue;
    if (cue.unless?.test(text)) continue;
    return { kind: cue.kind, id: cue.id, text: sentence.trim() };
  }
  return undefined;
}

/**
 * The context cue of a heading, which covers its section and subsections: "on your Node", or "from
 * within a Pod" ({@link HEADING_POD_CUE}); a heading naming a topic ("… in a multi-container Pod")
 * says nothing about where to type.
 */
export function headingContextCue(heading: string): ContextCueMatch | undefined {
  const cue = matchContextCue(heading);
  if (cue?.kind === 'node') return cue;
  if (cue?.kind === 'pod' && HEADING_POD_CUE.pattern.test(plainProse(heading).replace(/`/g, ''))) return cue;
  return undefined;
}

/**
 * The context cue leading into the block after a paragraph: only its last sentence counts, or the
 * one before it when the last only announces what the command prints (`isOutputLeadIn`: "If
 * everything works properly, you should see something like:") — the instruction saying where is
 * then the sentence before ("…operate in /sys on node.").
 */
export function leadInContextCue(paragraph: string, isOutputLeadIn?: (sentence: string) => boolean): ContextCueMatch | undefined {
  const sentences = sentencesOf(paragraph);
  const last = sentences[sentences.length - 1];
  if (last === undefined) return undefined;
  const cue = matchContextCue(last);
  if (cue || !isOutputLeadIn?.(last)) return cue;
  const before = sentences[sentences.length - 2];
  return before === undefined ? undefined : matchContextCue(before);
}

function firstMatch(paragraph: string, cues: readonly { pattern: RegExp }[]): string | undefined {
  for (const s of sentencesOf(paragraph)) {
    const t = s.replace(/`/g, '');
    if (cues.some((c) => c.pattern.test(t))) return s;
  }
  return undefined;
}

/** The sentence saying a step keeps running in another terminal, if any. */
export function matchConcurrentCue(paragraph: string): string | undefined {
  return firstMatch(paragraph, CONCURRENT_CUES);
}

/** The sentence telling the reader to stop a long-running step (Ctrl+C), if any. */
export function matchStopRunningCue(paragraph: string): string | undefined {
  return firstMatch(paragraph, STOP_RUNNING_CUES);
}

/** The sentence turning back to the terminal a long-running step was left running in, if any. */
export function matchReturnTerminalCue(paragraph: string): string | undefined {
  return firstMatch(paragraph, RETURN_TERMINAL_CUES);
}

/** The sentence that ends the current shell session ("close the shell", "Ctrl-D"), if any. */
export function matchSessionEndCue(paragraph: string): string | undefined {
  return firstMatch(paragraph, SESSION_END_CUES);
}

/** The sentence that opens a node shell without a command block, if any. */
export function matchNodeShellCue(paragraph: string): string | undefined {
  return firstMatch(paragraph, NODE_SHELL_CUES);
}
