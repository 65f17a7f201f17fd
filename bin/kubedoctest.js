#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// Run through npx/npm exec, this process is a grandchild of npm, which does not forward SIGTERM:
// `kill <npm pid>` ends npm and its shell and leaves us running the whole lesson. When the
// process that started us goes away we take it as that SIGTERM, so the lesson is cleaned up and
// we end as if signalled.
if (process.env.npm_command !== undefined || process.env.npm_lifecycle_event !== undefined) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
  }, 250).unref();
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`kubedoctest: internal error: ${error?.stack ?? error}`);
    process.exitCode = 2;
  },
);
