// run() without a cache option shares one in-memory cache per process (issue 12, point 5):
// running the same flow twice in one script replays, as OneTwo's default cache does.
import { expect, it } from 'vitest';
import {
  createFakeBackend,
  createRegistry,
  llm,
  openCache,
  run,
  template,
} from '../../src/index.js';

// Replies in turn: a second real call would say `second`.
const registry = () =>
  createRegistry([
    createFakeBackend(
      { model: 'process-cache', replies: [{ match: 'Tell', reply: ['first', 'second'] }] },
      'fake',
    ),
  ]);

it('two runs of the same flow replay from the process cache', async () => {
  const flow = template('Tell me a joke. << joke = generate_text() >>');
  const r = registry();
  const cached: boolean[] = [];
  const trace = (event: { cached: boolean }) => cached.push(event.cached);
  const first = await run(flow.run(), { registry: r, trace });
  const second = await run(flow.run(), { registry: r, trace });
  expect([first.outputs.joke, second.outputs.joke]).toEqual(['first', 'first']);
  expect(cached).toEqual([false, true]);
});

it('executables replay too, and across registries holding the same backend', async () => {
  const e = llm.generateText('Tell me a story');
  expect(await run(e, { registry: registry() })).toBe('first');
  expect(await run(e, { registry: registry() })).toBe('first');
});

it('a run given its own cache does not see the process cache', async () => {
  const e = llm.generateText('Tell me a fable');
  const r = registry();
  expect(await run(e, { registry: r })).toBe('first');
  const fresh = await openCache('memory', { cwd: process.cwd() });
  expect(await run(e, { registry: r, cache: fresh })).toBe('second');
});
