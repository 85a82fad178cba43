#!/usr/bin/env node
// Thin launcher: the CLI itself lives in dist/cli (built by `npm install`).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // main() reports its own errors; reaching here is a bug, so show it plainly.
    console.error(error);
    process.exitCode = 1;
  },
);
