import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Keyv } from 'keyv';
import { describe, expect, it } from 'vitest';
import type { KeyvStoreAdapter } from 'keyv';
import { cacheFromKeyv, createCachedEntry } from '../../src/cache/call-cache.js';
import { openCache, parseCacheSpec } from '../../src/cache/open-cache.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('parseCacheSpec', () => {
  const cwd = path.resolve('/work/project');
  it.each([
    [undefined, { kind: 'disk', dir: path.join(cwd, '.ot-cache') }],
    ['', { kind: 'disk', dir: path.join(cwd, '.ot-cache') }],
    ['off', { kind: 'off' }],
    ['memory', { kind: 'memory' }],
    ['redis://127.0.0.1:6379', { kind: 'redis', url: 'redis://127.0.0.1:6379' }],
    [
      'rediss://user:pw@cache.example:6380/1',
      { kind: 'redis', url: 'rediss://user:pw@cache.example:6380/1' },
    ],
    ['cache-dir', { kind: 'disk', dir: path.join(cwd, 'cache-dir') }],
    ['../shared/cache', { kind: 'disk', dir: path.resolve(cwd, '../shared/cache') }],
    [path.resolve('/var/cache/ot'), { kind: 'disk', dir: path.resolve('/var/cache/ot') }],
    [
      pathToFileURL(path.resolve('/var/cache/ot')).href,
      { kind: 'disk', dir: path.resolve('/var/cache/ot') },
    ],
    ['memcached://cache.example', { kind: 'unsupported', spec: 'memcached://cache.example' }],
    ['file://other-host/cache', { kind: 'unsupported', spec: 'file://other-host/cache' }],
  ] as const)('%s', (spec, expected) => {
    expect(parseCacheSpec(spec, cwd)).toEqual(expected);
  });
});

describe('openCache', () => {
  const entry = createCachedEntry('generate_text', 'Menton', new Date(Date.UTC(2024, 0, 1)));

  it('memory: round-trips values, each cache its own', async () => {
    const cache = await openCache('memory', { cwd: await tempDir() });
    const other = await openCache('memory', { cwd: await tempDir() });
    expect(cache.description).toBe('memory cache');
    expect(await cache.get('ot1:k')).toBeUndefined();
    await cache.set('ot1:k', entry);
    expect(await cache.get('ot1:k')).toEqual(entry);
    expect(await other.get('ot1:k')).toBeUndefined();
    await cache.close();
    await other.close();
  });

  it('memory: stores values as JSON (a string starting with ":base64:" stays a string)', async () => {
    const cache = await openCache('memory', { cwd: await tempDir() });
    const tricky = createCachedEntry('generate_texts', [
      ':base64:aGk=',
      '::x',
      { toJSON: 'a key, not a method' },
    ]);
    await cache.set('ot1:t', tricky);
    expect(await cache.get('ot1:t')).toEqual(tricky);
  });

  it('off: every lookup misses and nothing is written anywhere', async () => {
    const cwd = await tempDir();
    const cache = await openCache('off', { cwd });
    await cache.set('ot1:k', entry);
    expect(await cache.get('ot1:k')).toBeUndefined();
    await cache.close();
    expect(await readdir(cwd)).toEqual([]);
    expect(cache.description).toBe('no cache (off)');
  });

  it('default: the disk store in <cwd>/.ot-cache, shared by later caches', async () => {
    const cwd = await tempDir();
    const cache = await openCache(undefined, { cwd });
    expect(cache.description).toBe(`disk cache at ${path.join(cwd, '.ot-cache')}`);
    expect(await readdir(cwd)).toEqual([]);
    await cache.set('ot1:k', entry);
    await cache.close();
    expect(await readFile(path.join(cwd, '.ot-cache', '.gitignore'), 'utf8')).toBe('*\n');
    const again = await openCache(undefined, { cwd });
    expect(await again.get('ot1:k')).toEqual(entry);
    await again.close();
  });

  it('a directory relative to cwd', async () => {
    const cwd = await tempDir();
    const cache = await openCache('my-cache', { cwd });
    await cache.set('ot1:k', entry);
    expect(await readdir(path.join(cwd, 'my-cache'))).toContain('.gitignore');
    expect(await (await openCache(path.join(cwd, 'my-cache'), { cwd: '/' })).get('ot1:k')).toEqual(
      entry,
    );
  });

  it('an unsupported URL: one warning and no cache', async () => {
    const warnings: string[] = [];
    const cache = await openCache('memcached://user:pw@cache.example', {
      cwd: await tempDir(),
      onWarning: (message) => warnings.push(message),
    });
    await cache.set('ot1:k', entry);
    expect(await cache.get('ot1:k')).toBeUndefined();
    expect(warnings).toEqual([
      'unsupported cache memcached://cache.example: use a directory, redis://…, rediss://…, memory or off; continuing without the cache',
    ]);
  });

  it('after close(), get misses and set is skipped, without throwing', async () => {
    const cache = await openCache('memory', { cwd: await tempDir() });
    await cache.set('ot1:k', entry);
    await cache.close();
    await cache.close();
    expect(await cache.get('ot1:k')).toBeUndefined();
    await expect(cache.set('ot1:k2', entry)).resolves.toBeUndefined();
  });

  it('close() waits for writes in progress', async () => {
    const cwd = await tempDir();
    const cache = await openCache(undefined, { cwd });
    const big = createCachedEntry('generate_text', 'x'.repeat(2_000_000));
    const writing = cache.set('ot1:big', big);
    await cache.close();
    const again = await openCache(undefined, { cwd });
    expect(await again.get('ot1:big')).toEqual(big);
    await writing;
  });
});

describe('cacheFromKeyv', () => {
  /** A keyv store that fails every operation, as a broken backing service would. */
  function failingStore(): KeyvStoreAdapter {
    const keyv = new Keyv();
    return {
      opts: {},
      on: (event: string, listener: (...args: unknown[]) => void) => keyv.on(event, listener),
      get: async () => {
        throw new Error('store is down');
      },
      set: async () => {
        throw new Error('disk full');
      },
      delete: async () => false,
      clear: async () => undefined,
    };
  }

  it('turns store failures into warnings, misses and skipped writes', async () => {
    const warnings: string[] = [];
    const cache = cacheFromKeyv(new Keyv({ store: failingStore(), throwOnErrors: true }), {
      description: 'test store',
      onWarning: (message) => warnings.push(message),
    });
    expect(await cache.get('ot1:a')).toBeUndefined();
    expect(await cache.get('ot1:b')).toBeUndefined();
    await expect(cache.set('ot1:a', createCachedEntry('select', 'yes'))).resolves.toBeUndefined();
    await expect(cache.set('ot1:a', createCachedEntry('select', 'yes'))).resolves.toBeUndefined();
    expect(warnings).toEqual([
      'test store: store is down; reading ot1:a failed, treated as a miss',
      'test store: store is down; reading ot1:b failed, treated as a miss',
      // keyv emits a failed write as an event and then throws the same error: reported once.
      'test store: disk full',
    ]);
    await cache.close();
  });

  it('works with a keyv the caller configured (any store, keyv defaults)', async () => {
    const map = new Map<string, unknown>();
    const keyv = new Keyv({ store: map, namespace: 'team' });
    const cache = cacheFromKeyv(keyv);
    const entry = createCachedEntry('instruct', 'hello');
    await cache.set('ot1:k', entry);
    expect([...map.keys()]).toEqual(['team:ot1:k']);
    expect(await cache.get('ot1:k')).toEqual(entry);
    expect(cache.description).toBe('keyv cache');
  });

  it('a value that is not a cached entry is a miss and a warning', async () => {
    const keyv = new Keyv();
    await keyv.set('ot1:k', 'just a string');
    const warnings: string[] = [];
    const cache = cacheFromKeyv(keyv, { onWarning: (message) => warnings.push(message) });
    expect(await cache.get('ot1:k')).toBeUndefined();
    expect(warnings).toEqual([
      'keyv cache: the entry ot1:k is not a call result; treated as a miss',
    ]);
  });
});
