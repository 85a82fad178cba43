// The README's TypeScript snippets that no other suite runs: the import lines of "Installing in
// another project" and "The TypeScript API", and the keyv cache of "Concurrency, determinism and
// the cache". (The OneTwo table runs in test/api/onetwo-snippets.test.ts, "Comparing backends" in
// test/api/compare-backends.test.ts, the compiled module's `run` in test/codegen.)
import { Keyv } from 'keyv';
import { expect, test } from 'vitest';
import * as api from '../../src/index.js';
import * as tools from '../../src/tools.js';

test('the names the README imports exist where it imports them from', () => {
  for (const name of ['template', 'loadTemplate', 'run', 'parallel', 'llm', 'cacheFromKeyv']) {
    expect(api, name).toHaveProperty(name);
  }
  for (const name of ['parse', 'check']) expect(tools, name).toHaveProperty(name);
});

test('any keyv store caches a run, as the README shows', async () => {
  const { cacheFromKeyv, copyRegistry, createFakeBackend, run, template, withRegistry } = api;
  const registry = copyRegistry();
  const backend = createFakeBackend({ replies: [], default: 'Menton' }, 'fake');
  registry.backends[backend.name] = backend;
  registry.defaultBackend = backend.name;
  const flow = template('City in {{ country }}? << city = generate_text() >>');
  const inputs = { country: 'France' };

  const store = new Map();
  const cache = cacheFromKeyv(new Keyv({ store }));
  const first = await run(withRegistry(flow.run(inputs), registry), { cache });
  expect(first.outputs).toEqual({ city: 'Menton' });
  expect(store.size).toBe(1);

  const events: { cached: boolean }[] = [];
  await run(withRegistry(flow.run(inputs), registry), {
    cache,
    trace: (event: { cached: boolean }) => events.push(event),
  });
  expect(events.map((e) => e.cached)).toEqual([true]);
});
