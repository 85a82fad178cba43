import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backends/backend.js';
import { createFakeBackend } from '../../src/backends/fake/fake-backend.js';
import { createCachedEntry, type CachedEntry, type CallCache } from '../../src/cache/call-cache.js';
import { run } from '../../src/runtime/api/run.js';
import { createRegistry } from '../../src/runtime/registry/registry.js';
import { template } from '../../src/template.js';

/**
 * A cache that another process fills while we wait: every key misses on its first lookup and
 * has an entry from then on (as if another process had made the call meanwhile).
 */
function cacheFilledElsewhere(shared: boolean): CallCache & { writes: string[] } {
  const seen = new Set<string>();
  const writes: string[] = [];
  return {
    description: 'test cache',
    shared,
    writes,
    get: async (key): Promise<CachedEntry | undefined> => {
      if (!seen.has(key)) {
        seen.add(key);
        return undefined;
      }
      return createCachedEntry('generate_text', 'from elsewhere');
    },
    set: async (key) => {
      writes.push(key);
    },
    close: async () => undefined,
  };
}

/** A fake backend with one slot that records the prompts it is asked. */
function oneSlotBackend(prompts: (string | null)[]): Backend {
  const inner = createFakeBackend({ default: 'made here' }, 'fake');
  return {
    name: inner.name,
    identity: inner.identity,
    capabilities: inner.capabilities,
    defaults: inner.defaults,
    concurrency: 1,
    complete: (request) => {
      prompts.push(request.prompt);
      return inner.complete(request);
    },
  };
}

const flow = '<< a = generate_text("one") >> << b = generate_text("two") >>';

describe('a call that waited for its slot looks in a shared cache again', () => {
  it('makes no backend call when the entry appeared while it waited', async () => {
    const prompts: (string | null)[] = [];
    const cache = cacheFilledElsewhere(true);
    const result = await run(template(flow, { path: 'flow.ot' }).run({}), {
      registry: createRegistry([oneSlotBackend(prompts)]),
      cache,
    });
    // "one" got the slot at once; "two" waited, then found the entry.
    expect(prompts).toEqual(['one']);
    expect(result.text).toBe('made here from elsewhere');
    expect(cache.writes).toHaveLength(1);
  });

  it('does not look again in a cache that is not shared', async () => {
    const prompts: (string | null)[] = [];
    await run(template(flow, { path: 'flow.ot' }).run({}), {
      registry: createRegistry([oneSlotBackend(prompts)]),
      cache: cacheFilledElsewhere(false),
    });
    expect(prompts).toEqual(['one', 'two']);
  });
});

describe('cache writes off the slot', () => {
  it('a run ends only once its writes are stored, and a failed call is not stored', async () => {
    let stored = 0;
    let release!: () => void;
    const slowWrite = new Promise<void>((resolve) => (release = resolve));
    const cache: CallCache = {
      description: 'slow cache',
      get: async () => undefined,
      set: async () => {
        await slowWrite;
        stored++;
      },
      close: async () => undefined,
    };
    const prompts: (string | null)[] = [];
    let ended = false;
    const running = run(template(flow, { path: 'flow.ot' }).run({}), {
      registry: createRegistry([oneSlotBackend(prompts)]),
      cache,
    }).then(() => (ended = true));
    // Both calls are made although the first one's write has not finished: the slot was freed.
    while (prompts.length < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(ended).toBe(false);
    release();
    await running;
    expect(stored).toBe(2);
  });
});
