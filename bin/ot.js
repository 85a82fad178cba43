#!/usr/bin/env node
// Thin launcher: the CLI itself lives in dist/cli (built by `npm install`).

// Ctrl-C before a command has installed its own handler (while the flow loads) still exits
// the way a shell expects (130); once `ot run` listens for SIGINT, this one stands aside.
process.on('SIGINT', () => {
  if (process.listenerCount('SIGINT') === 1) process.exit(130);
});

// Node 22.1+ can keep compiled code between runs (in the OS temp directory), which makes start-up
// quicker; older versions do not have it, and it is only an optimization.
const nodeModule = await import('node:module');
nodeModule.enableCompileCache?.();

const { main } = await import('../dist/cli/main.js');

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
