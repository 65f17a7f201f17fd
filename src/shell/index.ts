/**
 * The command model: one understanding of shell command lines that every stage reads.
 * `parseCommandLine` parses a line once (mvdan/sh's parser, with a tolerant fallback) into simple
 * commands with program, prefixes, assignments, arguments, redirections and heredocs;
 * `kubectlCall` reads kubectl's flags from a table generated from kubectl's own help.
 */
export * from './types.js';
export { parseCommandLine } from './parse.js';
export { outerCommands, commandWords } from './outer.js';
export { optionValues, programArguments, type ProgramArguments } from './operands.js';
export { PROGRAM_OPTIONS, type ProgramOptions } from './data/program-options.js';
export { firstProgramWord, splitTolerant } from './tolerant.js';
export { locateProgram, programName, isAssignment, type ProgramParts } from './program.js';
export { COMMAND_PREFIXES, type PrefixRule } from './data/prefixes.js';
export { KNOWN_PROGRAMS, COMMAND_WORDS, BARE_COMMAND_PROGRAMS } from './data/programs.js';
export { kubectlCall, firstKubectlCall, flagWords, parseKubectl, takesValue, hasFlag, flagValue, type KubectlCall, type KubectlFlag } from './kubectl.js';
export { LOCAL_PORT_REFUSED, refusedLocalPort } from './data/program-output.js';
export { offsetToLineColumn, dataRanges, shQuote, shQuoteExpanding } from './text.js';
export { variablesSet, DECLARING_BUILTINS, type SetVariable } from './variables.js';
export { redirectedFiles, WRITING_REDIRECTS } from './redirects.js';
export { writtenFiles, downloads, type WrittenFiles, type Download } from './written-files.js';
export { FILE_WRITERS, type FileWriter } from './data/file-writers.js';
export { SHELL_BUILTINS, QUIET_COMMANDS, type Quiet } from './data/builtins.js';
export { printsNothing, stdoutFile, isQuietCommand } from './quiet.js';
export { neverEnds, isEndlessLoop, type NeverEnds } from './endless.js';
export { kindOf, realResourcePlural } from './resource-kind.js';
export { RESOURCE_WORDS_1_32 } from './data/resource-types.js';
