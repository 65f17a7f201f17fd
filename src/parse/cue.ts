import type { MatchMode } from '../plan/types.js';
import { ALTERNATIVE_CUES } from './data/alternative-cues.js';
import { CUE_SENTENCE_END, OUTPUT_CUES } from './data/cues.js';
import { CONTAINER_OUTPUT_CUES } from './data/container-cues.js';

/** A matched output cue: the sentence as written and the mode it implies. */
export interface CueMatch {
  text: string;
  mode: MatchMode;
  /** The cue attributes the output to a container ({@link CONTAINER_OUTPUT_CUES}): what it names of it. */
  container?: ContainerCue;
}

/** What a container-output cue says of the container: its name, or the command it runs. */
export interface ContainerCue {
  name?: string;
  command?: string;
}

/** Paragraphs made plain lately, with and without backticks: a paragraph's cues are looked up several times in a row. */
const plainCache = [new Map<string, string>(), new Map<string, string>()] as const;
const PLAIN_CACHE_LIMIT = 64;

/** Strips Markdown/Hugo decoration that does not change what a sentence says. */
function plain(text: string, keepTicks = false): string {
  const cache = plainCache[keepTicks ? 1 : 0];
  let out = cache.get(text);
  if (out === undefined) {
    out = text
      .replace(/\{\{[<%][^}]*[%>]\}\}/g, ' ')
      .replace(keepTicks ? /[*_]/g : /[*_`]/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
    if (cache.size >= PLAIN_CACHE_LIMIT) cache.clear();
    cache.set(text, out);
  }
  return out;
}

/**
 * Finds an output cue in the last sentence of a paragraph ("The output is similar to:",
 * "You'll see something like this:", "Output:"). Sentences that do not end like a lead-in
 * (colon, "is", "below", "like this", …) are not cues.
 */
export function matchCue(paragraph: string): CueMatch | undefined {
  const text = plain(paragraph);
  if (text === '' || text.length > 2000) return undefined;
  const sentences = text.split(/(?<=[.!?])\s+(?=\S)/);
  const last = sentences[sentences.length - 1]!;
  if (!CUE_SENTENCE_END.test(last)) return undefined;
  const container = containerCue(paragraph);
  for (const cue of OUTPUT_CUES) if (cue.pattern.test(last)) return { text: last, mode: cue.mode, ...(container ? { container } : {}) };
  return container ? { text: last, mode: 'similar', container } : undefined;
}

/** What the last sentence of a paragraph says of the container whose output follows, when it attributes it to one. */
function containerCue(paragraph: string): ContainerCue | undefined {
  const sentences = plain(paragraph, true).split(/(?<=[.!?])\s+(?=\S)/);
  const last = sentences[sentences.length - 1]!;
  for (const pattern of CONTAINER_OUTPUT_CUES) {
    const m = pattern.exec(last);
    if (!m) continue;
    const cue: ContainerCue = {};
    if (m.groups?.container) cue.name = m.groups.container;
    if (m.groups?.command) cue.command = m.groups.command.trim();
    return cue;
  }
  return undefined;
}

/**
 * The sentence of the prose before a block that presents its command as another way to do what an
 * earlier command did ({@link ALTERNATIVE_CUES}), or undefined. Only the last two sentences count:
 * a cue further up speaks of something else.
 */
export function alternativeCue(paragraph: string | undefined): string | undefined {
  if (!paragraph) return undefined;
  const sentences = plain(paragraph)
    .split(/(?<=[.!?:])\s+(?=\S)/)
    .filter(Boolean);
  for (const s of sentences.slice(-2)) if (ALTERNATIVE_CUES.some((c) => c.test(s))) return s;
  return undefined;
}
