import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createClient } from '@keyv/redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallCache } from '../../src/cache/call-cache.js';
import { createCachedEntry } from '../../src/cache/call-cache.js';
import { openCache } from '../../src/cache/open-cache.js';
import { redactUrl } from '../../src/cache/redis-cache.js';
import { createFakeBackend } from '../../src/backends/fake/fake-backend.js';
import { run } from '../../src/runtime/api/run.js';
import { createRegistry } from '../../src/runtime/registry/registry.js';
import type { TraceEvent } from '../../src/runtime/trace.js';
import { template } from '../../src/template.js';
import {
  EVERY_BUILTIN_FAKE,
  EVERY_BUILTIN_FLOW,
  EVERY_BUILTIN_RESULT,
  recordingCache,
  tamperEntries,
} from '../runtime/helpers/replay-flow.js';
import { bundleChildScript } from './helpers/bundle-child.js';
import type { WatchedChild } from './helpers/child.js';
import { startNode } from './helpers/child.js';
import type { RedisServer } from './helpers/redis-server.js';
import { findRedisServer, freePort, startRedisServer } from './helpers/redis-server.js';

// Skipped with one warning line without redis-server; under CI its absence fails this file.
const redisBinary = findRedisServer();

describe('redactUrl', () => {
  it('removes user name and password', () => {
    expect(redactUrl('redis://user:secret@cache.example:6380/2')).toBe(
      'redis://cache.example:6380/2',
    );
    expect(redactUrl('rediss://:secret@cache.example')).toBe('rediss://cache.example');
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});

describe.skipIf(redisBinary === undefined)('redis cache (a real redis-server)', () => {
  const servers: RedisServer[] = [];
  const caches: CallCache[] = [];
  const children: WatchedChild[] = [];
  let childScript = '';

  beforeAll(async () => {
    childScript = await bundleChildScript(
      fileURLToPath(new URL('./helpers/redis-child.ts', import.meta.url)),
    );
  });

  afterAll(async () => {
    if (childScript !== '') await rm(childScript, { force: true });
  });

  afterEach(async () => {
    for (const child of children.splice(0)) child.process.kill('SIGKILL');
    await Promise.all(caches.splice(0).map(async (cache) => cache.close()));
    await Promise.all(servers.splice(0).map(async (server) => server.stop()));
  });

  async function server(port?: number): Promise<RedisServer> {
    const started = await startRedisServer(redisBinary!, port);
    servers.push(started);
    return started;
  }

  async function open(url: string, warnings: string[] = [], hmacKey = ''): Promise<CallCache> {
    const cache = await openCache(url, {
      cwd: process.cwd(),
      onWarning: (message) => warnings.push(message),
      hmacKey,
    });
    caches.push(cache);
    return cache;
  }

  it('round-trips entries, shared by every cache on the same server', async () => {
    const { url } = await server();
    const warnings: string[] = [];
    const writer = await open(url, warnings);
    const reader = await open(url, warnings);
    expect(writer.description).toBe(`redis cache at ${url}`);
    const entry = createCachedEntry('generate_object', { city: 'Menton', tags: ['sea', ':colon'] });
    expect(await reader.get('ot1:k')).toBeUndefined();
    await writer.set('ot1:k', entry);
    expect(await reader.get('ot1:k')).toEqual(entry);
    expect(warnings).toEqual([]);
  });

  it('keeps its keys under the ot:: prefix, stored as plain JSON', async () => {
    const { url } = await server();
    const cache = await open(url);
    const entry = createCachedEntry('generate_text', 'Menton');
    await cache.set('ot1:abc', entry);
    const raw = createClient({ url });
    await raw.connect();
    try {
      expect(await raw.keys('*')).toEqual(['ot::ot1:abc']);
      expect(JSON.parse((await raw.get('ot::ot1:abc')) ?? 'null')).toEqual({ value: entry });
      await raw.set('ot::ot1:foreign', '{"value":"not an entry"}');
      await raw.set('ot::ot1:broken', 'not json');
    } finally {
      raw.destroy();
    }
    const warnings: string[] = [];
    const other = await open(url, warnings);
    expect(await other.get('ot1:foreign')).toBeUndefined();
    expect(await other.get('ot1:broken')).toBeUndefined();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('not a call result');
    expect(warnings[1]).toContain('reading ot1:broken failed, treated as a miss');
  });

  it('with an HMAC key, entries forged by a writer without it are misses with a warning', async () => {
    const { url } = await server();
    const warnings: string[] = [];
    const signedWriter = await open(url, warnings, 'team secret');
    const reader = await open(url, warnings, 'team secret');
    const genuine = createCachedEntry('generate_text', 'Menton');
    await signedWriter.set('ot1:genuine', genuine);
    expect(await reader.get('ot1:genuine')).toEqual(genuine);
    expect(warnings).toEqual([]);

    // Anyone who can write to the server, but has no key.
    const raw = createClient({ url });
    await raw.connect();
    try {
      const stored = JSON.parse((await raw.get('ot::ot1:genuine')) ?? 'null') as {
        value: { hmac: string };
      };
      expect(stored.value.hmac).toMatch(/^[0-9a-f]{64}$/);
      const forged = { value: createCachedEntry('generate_text', 'Paris') };
      await raw.set('ot::ot1:unsigned', JSON.stringify(forged));
      // A genuine HMAC copied onto another value, and onto another key.
      await raw.set(
        'ot::ot1:altered',
        JSON.stringify({ value: { ...forged.value, hmac: stored.value.hmac } }),
      );
      await raw.set('ot::ot1:moved', JSON.stringify(stored));
    } finally {
      raw.destroy();
    }
    expect(await reader.get('ot1:unsigned')).toBeUndefined();
    expect(await reader.get('ot1:altered')).toBeUndefined();
    expect(await reader.get('ot1:moved')).toBeUndefined();
    expect(warnings).toEqual([
      `redis cache at ${url}: the entry ot1:unsigned has no HMAC (OT_CACHE_HMAC_KEY is set); treated as a miss, the fresh reply replaces it`,
      `redis cache at ${url}: the entry ot1:altered has an HMAC that does not match (OT_CACHE_HMAC_KEY is set); treated as a miss, the fresh reply replaces it`,
      `redis cache at ${url}: the entry ot1:moved has an HMAC that does not match (OT_CACHE_HMAC_KEY is set); treated as a miss, the fresh reply replaces it`,
    ]);
    // Without a key, the entries are read as they are (the HMAC is an opt-in).
    const unkeyed = await open(url);
    expect((await unkeyed.get('ot1:unsigned'))?.value).toBe('Paris');
  });

  it('a tampered entry of each builtin is a miss with a warning, and is overwritten', async () => {
    const { url } = await server();
    const cache = recordingCache(await open(url));
    const runEvery = async () => {
      const warnings: string[] = [];
      const trace: TraceEvent[] = [];
      const result = await run(template(EVERY_BUILTIN_FLOW, { path: 'every.ot' }).run(), {
        registry: createRegistry([createFakeBackend(EVERY_BUILTIN_FAKE, 'fake')]),
        cache,
        trace: (event) => trace.push(event),
        onWarning: (message) => warnings.push(message),
      });
      return { text: result.text, warnings, cached: trace.filter((e) => e.cached).length };
    };
    const first = await runEvery();
    expect(first.text).toContain(EVERY_BUILTIN_RESULT);
    expect(await tamperEntries(cache, cache.keys)).toBe(7);
    const replay = await runEvery();
    expect(replay).toMatchObject({ text: first.text, cached: 0 });
    expect(replay.warnings).toHaveLength(7);
    expect(replay.warnings.every((w) => w.startsWith(`redis cache at ${url}: the cached `))).toBe(
      true,
    );
    expect(await runEvery()).toMatchObject({ text: first.text, cached: 7, warnings: [] });
  });

  it('an invalid redis URL: one warning and no cache, no throw', async () => {
    const warnings: string[] = [];
    const cache = await open('redis://[not-a-host', warnings);
    expect(await cache.get('ot1:k')).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^redis cache at redis:\/\/\[not-a-host: .*; continuing without the cache$/,
    );
  });

  it('a server that is not running: one warning, misses, no throw, no wait', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const warnings: string[] = [];
    const started = Date.now();
    const cache = await open(url, warnings);
    expect(await cache.get('ot1:k')).toBeUndefined();
    await cache.set('ot1:k', createCachedEntry('generate_text', 'x'));
    expect(await cache.get('ot1:k')).toBeUndefined();
    await cache.close();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^redis cache at redis:\/\/127\.0\.0\.1:\d+ is unreachable \(.*ECONNREFUSED.*\); continuing without the cache$/,
    );
    expect(cache.description).toContain('unreachable');
  });

  it('a server that stops during the run: warnings and misses, no throw, no hang; back when it returns', async () => {
    const first = await server();
    const warnings: string[] = [];
    const cache = await open(first.url, warnings);
    const entry = createCachedEntry('generate_text', 'Menton');
    await cache.set('ot1:k', entry);
    expect(await cache.get('ot1:k')).toEqual(entry);

    await first.stop();
    const started = Date.now();
    expect(await cache.get('ot1:k')).toBeUndefined();
    await expect(cache.set('ot1:k2', entry)).resolves.toBeUndefined();
    await Promise.all(Array.from({ length: 20 }, async () => cache.get('ot1:k')));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((message) => message.startsWith(`redis cache at ${first.url}: `))).toBe(
      true,
    );
    // Identical failures are reported once, not once per call.
    expect(new Set(warnings).size).toBe(warnings.length);
    expect(warnings.length).toBeLessThan(10);

    // A server on the same port again (empty: no persistence): the client reconnects by itself.
    await server(first.port);
    const deadline = Date.now() + 10_000;
    let stored = false;
    while (!stored && Date.now() < deadline) {
      await cache.set('ot1:back', entry);
      stored = (await cache.get('ot1:back')) !== undefined;
      if (!stored) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(stored).toBe(true);
  });

  it('a process whose server died ends by itself after close()', async () => {
    const redis = await server();
    const child = startNode(childScript, [redis.url]);
    children.push(child);
    expect(JSON.parse((await child.line('ready ')).slice(6))).toMatchObject({
      value: 'from the child',
    });
    await redis.stop();
    child.process.stdin?.write('go\n');
    const exit = await child.exit(5_000);
    expect(exit, child.stderr()).toEqual({ code: 0, signal: null });
    expect(child.lines).toContain('get null');
    expect(child.lines).toContain('set done');
    expect(child.lines).toContain('closed');
    expect(child.lines.some((line) => line.startsWith('warning '))).toBe(true);
  });

  it('a process whose server never ran ends by itself after close()', async () => {
    const child = startNode(childScript, [`redis://127.0.0.1:${await freePort()}`]);
    children.push(child);
    expect(await child.line('ready ')).toBe('ready null');
    child.process.stdin?.write('go\n');
    const exit = await child.exit(5_000);
    expect(exit, child.stderr()).toEqual({ code: 0, signal: null });
    expect(child.lines.filter((line) => line.startsWith('warning '))).toHaveLength(1);
    expect(child.lines).toContain('closed');
  });
});
