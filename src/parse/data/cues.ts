import type { MatchMode } from '../../plan/types.js';

/** A prose phrase that announces the output of the command before it. */
export interface Cue {
  pattern: RegExp;
  /** How the output should be compared when this cue introduces it. */
  mode: MatchMode;
}

/**
 * Output cues, tried in order against the last sentence of the paragraph right before a
 * fence (case-insensitive). The first match wins; put the more specific phrases first.
 */
export const OUTPUT_CUES: readonly Cue[] = [
  { pattern: /\boutput (?:is|should be|will be) exactly\b/i, mode: 'exact' },
  { pattern: /\bexactly the following\b/i, mode: 'exact' },
  { pattern: /\boutput (?:should |will )?(?:contains?|includes?)\b/i, mode: 'contains' },
  { pattern: /\boutput (?:is |should be |will be |looks |would be |may be )?(?:similar to|something like|like)\b/i, mode: 'similar' },
  { pattern: /\b(?:output|response|result)s? (?:is|are|should be|will be|looks?|shows?|would be|resembles?)\b/i, mode: 'similar' },
  { pattern: /\b(?:should|would|will) (?:produce|print|return|show|display) (?:something like|output|the following)/i, mode: 'similar' },
  { pattern: /\bproduces? (?:the )?(?:following )?output\b/i, mode: 'similar' },
  { pattern: /\byou(?:'ll| will| should| would)? see (?:something like|output|the following|a |an )?/i, mode: 'similar' },
  { pattern: /^(?:sample |example |expected )?output\s*:?$/i, mode: 'similar' },
  { pattern: /\b(?:execution|operation) results?\b/i, mode: 'similar' },
  { pattern: /\bresults? (?:are|is) as follows\b/i, mode: 'similar' },
  { pattern: /\boutput[^.]*\bas follows\b/i, mode: 'similar' },
  { pattern: /\boutput[^.]*:\s*$/i, mode: 'similar' },
];

/**
 * A cue sentence must end the paragraph, so prose that merely mentions output earlier
 * ("Use the output from the previous commands to create a file.") is not a cue.
 * Sentences ending with one of these are cue candidates.
 */
export const CUE_SENTENCE_END = /(?::|\bis|\bare|\bthis|\bbelow|\bfollows|\blike|\bsee)\s*$/i;

/**
 * The last sentence of prose that introduces a sample value for the reader to use, not a
 * command's output: "replace `<your-private-image>` with the path to an image … such as:",
 * "set it to a value, for example:". Without an output cue, the block after it is an illustration.
 */
export const EXAMPLE_VALUE_PROSE =
  /\b(?:replace|substitute|set|use|enter|type|choose|pick|change)\b[^.]*\b(?:such as|for example|for instance|e\.g\.)\s*:\s*$/i;

/**
 * The last sentence of prose that introduces lines for the reader to put into a file, not a
 * command's output: "edit /etc/kubernetes/kubelet to include this line:", "add the following lines
 * to your config file:". Without an output cue, the block after it is file content to write by hand.
 * `trigger` sentences must match and `clean` ones must not (test/parse/file-content-prose.test.ts).
 */
export const FILE_CONTENT_PROSE = {
  pattern:
    /\b(?:edit|modify|update|change|open)\b[^.]*\bto (?:include|contain|read|have|add)\b[^.]*:\s*$|\b(?:add|append|insert|put)\s+(?:this|these|the following)\s+(?:lines?|settings?|entry|entries|flags?|arguments?)\b[^.]*:\s*$|\binclude (?:this|these|the following) lines?\s*:\s*$/i,
  trigger: [
    'On Fedora edit /etc/kubernetes/kubelet to include this line:',
    'Edit the kubelet configuration file to contain the following:',
    'Add the following lines to /etc/hosts:',
    'Append this line to your shell profile:',
  ],
  clean: ['The output is similar to this:', 'Edit the Deployment:', 'Run the following command to add the repository:', 'You should see the following lines:'],
} as const;

/**
 * A line that is an address the page points at (an API path such as
 * `/apis/stable.example.com/v1/crontabs`, a URL), not text a command printed.
 * Without an output cue, a block of such lines after prose ("an endpoint is created at:") is an
 * illustration, not the output of the command before the prose.
 */
export const ADDRESS_LINE = /^(?:https?:\/\/\S+|\/apis?(?:\/\S*)?)$/;

/**
 * Prose right after a command saying it prints nothing ("(you should not see any output)", "The
 * command produces no output."): the command's expected output is empty. Read on the first
 * sentence of the paragraph right after the command's block; `trigger` sentences must match and
 * `clean` sentences must not (test/parse/no-output-cue.test.ts).
 */
export const NO_OUTPUT_CUE = {
  pattern:
    /^\(?\s*(?:(?:you\s+should(?:\s+not|n['’]t)|you\s+(?:will\s+not|won['’]t))\s+see\s+(?:any|no)\s+output|(?:there\s+(?:should\s+be|is)|this\s+(?:command\s+)?(?:produces|prints|returns|gives|shows)|the\s+command\s+(?:produces|prints|returns|gives|shows)|it\s+(?:produces|prints|returns))\s+no\s+output|the\s+output\s+(?:should\s+be|is)\s+empty)\s*[.!)]*\s*\)?$/i,
  trigger: [
    '(you should not see any output)',
    "You shouldn't see any output.",
    'There should be no output.',
    'The command produces no output.',
    'The output should be empty.',
  ],
  clean: [
    'If you do not see any output, wait a minute and try again.',
    'You should not see any output from the first command, but the second prints the Pod name:',
    'The output should be similar to:',
    'There is no output until the Pod starts.',
  ],
} as const;

/**
 * Prose saying one output block is what each of the commands before it prints ("The output from
 * both commands should be:"): the block is also the output of the command before the last one,
 * when that one shows none. `trigger` sentences must match and `clean` ones must not
 * (test/parse/session-forms.test.ts).
 */
export const BOTH_COMMANDS_CUE = {
  pattern: /\b(?:(?:the\s+)?output\s+(?:from|of)\s+both\s+(?:commands|of\s+them)|both\s+commands\s+(?:should\s+)?(?:output|print|return|show|give))\b/i,
  trigger: ['The output from both commands should be:', 'Both commands should print:', 'The output of both commands is similar to:'],
  clean: ['The output from the first command is:', 'Run both commands, then look at the output:', 'The output is similar to:'],
} as const;

/**
 * The last sentence of prose saying what is inside a pod, a container or its filesystem ("Both
 * containers will have the following files present on their filesystems:", "The volume now holds
 * these files:"), not what a command prints: without an output cue the block after it is an
 * illustration of that state, never the output of the command before the prose and never commands.
 * `trigger` sentences must match and `clean` ones must not (test/parse/inside-state-prose.test.ts).
 */
export const INSIDE_STATE_PROSE = {
  pattern:
    /\b(?:(?:containers?|pods?|filesystems?|volumes?|mounts?|directory|folder)\b[^.:]{0,120}\b(?:will\s+(?:have|hold|contain|see)|(?:now\s+)?(?:has|have|holds?|contains?))\b[^.:]{0,80}\b(?:files?|director(?:y|ies)|paths?|entries|keys?)|(?:files?|director(?:y|ies)|paths?)\b[^.:]{0,80}\b(?:present|exist|appear|mounted|available|created)\b[^.:]{0,40}\b(?:in|on|inside|within|under)\s+(?:the|each|both|every|its|their|your)?\s*(?:\w+\s+)?(?:containers?|pods?|filesystems?|volumes?))\b[^.:]{0,200}:\s*$/i,
  // A sentence that speaks of output, a command or running one introduces what a command prints.
  exclude: /\b(?:output|prints?|shows?|displays?|returns?|run|command|list)\b/i,
  trigger: [
    "Both containers will have the following files present on their filesystems with the values for each container's environment:",
    'The volume now contains these files:',
    'The following files are present inside the container:',
    'Each Pod has these paths mounted:',
  ],
  clean: [
    'The output is similar to:',
    'List the files in the container:',
    'Run the following command to see the files:',
    'The output shows the files present in the container:',
    'Create a Pod that has the following volume:',
  ],
} as const;

/**
 * The last sentence of prose presenting the next block as what the command before shows at a later
 * time ("A little later, the same command may show:", "After a while, the output is:"): the same
 * command run again, compared once the cluster has moved on; the earlier block's values that this
 * one shows again were a state passed through. `trigger` sentences must match and `clean` ones must
 * not (test/parse/later-snapshot.test.ts).
 */
export const LATER_SNAPSHOT_CUE = {
  pattern:
    /\b(?:(?:a\s+(?:little|bit|few\s+\w+|moment|minute)|some\s+time|shortly)\s+later|after\s+(?:a\s+(?:while|moment|little|bit|few\s+\w+|minute)|some\s+time)|eventually)\b[^.:]{0,120}\b(?:same\s+command|output|(?:shows?|prints?|returns?|displays?|see)\b)[^.:]{0,120}:\s*$/i,
  trigger: [
    'A little later, the same command may show:',
    'After a while, the output is:',
    'A few seconds later, the same command shows:',
    'Eventually you should see:',
  ],
  clean: ['The output is similar to:', 'Later in this tutorial, you see how to scale it:', 'After a while, delete the Pod:', 'Run the same command again:'],
} as const;

/**
 * The last sentence of prose that tells the reader to do something next ("Run:", "Then apply the
 * manifest:", "Next, create a Deployment:"), and says nothing of output: a shell fence after it is
 * commands to type, never the output of the command before the prose, even when its lines do not
 * read as commands of a known program. Read only where no output cue precedes the fence.
 * `trigger` sentences must match and `clean` ones must not (test/parse/instruction-prose.test.ts).
 */
export const INSTRUCTION_PROSE = {
  pattern:
    /^(?:(?:then|now|next|first|finally|afterwards|again|also|lastly|second|third)\b,?\s+)?(?:please\s+|you\s+can\s+(?:now\s+)?)?(?:run|execute|type|enter|issue|invoke|create|apply|delete|remove|start|restart|stop|install|uninstall|deploy|scale|expose|label|annotate|patch|set|export|use|call|send|connect|log\s+in|download|fetch|copy|build|push|pull|launch|submit|add|configure|enable|disable|register|initialize|initialise|clean\s+up|tear\s+down|switch|generate|query|try)\b/i,
  // A sentence that speaks of what a command prints introduces output, not commands.
  exclude:
    /\b(?:output|outputs|you(?:'ll| will| should| would)? see|similar to|looks? like|shows?|showing|prints?|printed|displays?|returns?|responds?|response|results?)\b/i,
  trigger: [
    'Run:',
    'Then run the following commands:',
    'Now, install the chart:',
    'Next, create a Deployment:',
    'Apply the manifest with your own values:',
    'You can now connect to the database:',
    'Finally, clean up the resources you created:',
  ],
  clean: [
    'The output is similar to this:',
    'Run the command and look at its output:',
    'You should see the following:',
    'Now you have a running Pod:',
    'The response looks like this:',
    'Then the command shows:',
    'Use kubectl get to see that it prints the pod:',
    'This creates the following:',
  ],
} as const;

/** True when the sentence tells the reader to do something and says nothing of output ({@link INSTRUCTION_PROSE}). */
export function isInstructionSentence(sentence: string): boolean {
  return INSTRUCTION_PROSE.pattern.test(sentence.trim()) && !INSTRUCTION_PROSE.exclude.test(sentence);
}
