/*
 * Child process for the redis tests: proves a cache whose server is gone neither throws nor
 * keeps the process alive. argv[2] is the cache spec. Prints `warning <json>` for each
 * warning, `ready <json>` after a first set and get, then waits for a `go` line on stdin,
 * then prints `get <json>`, `set done` and `closed`, and ends by itself (no process.exit).
 */
import { createInterface } from 'node:readline';
import { createCachedEntry } from '../../../src/cache/call-cache.js';
import { openCache } from '../../../src/cache/open-cache.js';

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const cache = await openCache(process.argv[2], {
  cwd: process.cwd(),
  onWarning: (message) => print(`warning ${JSON.stringify(message)}`),
});
await cache.set('ot1:child', createCachedEntry('generate_text', 'from the child'));
print(`ready ${JSON.stringify((await cache.get('ot1:child')) ?? null)}`);

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line !== 'go') continue;
  lines.close();
  print(`get ${JSON.stringify((await cache.get('ot1:child')) ?? null)}`);
  await cache.set('ot1:child2', createCachedEntry('generate_text', 'again'));
  print('set done');
  await cache.close();
  print('closed');
}
process.stdin.destroy();
