#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`kubedoctest: internal error: ${error?.stack ?? error}`);
    process.exitCode = 2;
  },
);
