/**
 * Comment styles authors use in a shell block besides the shell's own `#` (handled in
 * command-block.ts, where `# output` comments also carry expected output). A line that starts
 * with a marker and is followed (after more such lines and blank lines) by the line that starts
 * the next command — a prompt line in a transcript, a line that reads as a command otherwise —
 * or that comes before any command, is a comment: not run, not output. Other marker lines stay
 * what they were (`// Package main` printed by `cat main.go` is output). `trigger` blocks must
 * yield `commands` with no output; `clean` blocks must keep `commands` and `output` as given —
 * test/parse/comment-markers.test.ts checks both.
 */
export interface CommentMarker {
  id: string;
  /** Matches the start of a line (after indentation) that is such a comment. */
  pattern: RegExp;
  trigger: readonly { lines: readonly string[]; commands: readonly string[] }[];
  clean: readonly { lines: readonly string[]; commands: readonly string[]; output: readonly string[] }[];
}

export const COMMENT_MARKERS: readonly CommentMarker[] = [
  {
    id: 'double-slash',
    pattern: /^\/\/(?:\s|$)/,
    trigger: [
      {
        lines: [
          '// Update pods of app-v1 using the data in app-v2.json.',
          '$ kubectl replace -f app-v2.json',
          '',
          '// Read it back.',
          '$ kubectl get -f app-v2.json',
        ],
        commands: ['kubectl replace -f app-v2.json', 'kubectl get -f app-v2.json'],
      },
      {
        lines: ['// list the pods', 'kubectl get pods', '// and the services', 'kubectl get services'],
        commands: ['kubectl get pods', 'kubectl get services'],
      },
    ],
    clean: [
      // Output of a command that prints a Go file: its `//` lines are what the page shows.
      {
        lines: ['$ cat main.go', '// Package main serves hello.', 'package main'],
        commands: ['cat main.go'],
        output: ['// Package main serves hello.', 'package main'],
      },
      { lines: ['$ cat notes.txt', 'first', '// last'], commands: ['cat notes.txt'], output: ['first', '// last'] },
      // A URL or path is no comment marker.
      { lines: ['$ echo //srv/share', '//srv/share'], commands: ['echo //srv/share'], output: ['//srv/share'] },
    ],
  },
];

/** The marker a line (indentation removed) starts with, if it is one. */
export function commentMarkerOf(text: string): CommentMarker | undefined {
  return COMMENT_MARKERS.find((m) => m.pattern.test(text));
}
