import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FakeBackendSpec } from '../../../src/backends/fake/fake-spec.js';
import type { CachedEntry, CallCache } from '../../../src/cache/call-cache.js';
import { decodeDiskEntry, encodeDiskEntry } from '../../../src/cache/disk-entry.js';

/** One call of each model builtin, so a test can tamper with an entry of each. */
export const EVERY_BUILTIN_FLOW = [
  '<< t = generate_text("text?") >>',
  '<< ts = generate_texts("texts?", samples=2) >>',
  '<< o = generate_object("object?", schema={"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}) >>',
  '<< s = select(["red", "blue"], prompt="select?") >>',
  '<< i = instruct("instruct?") >>',
  '{% role "user" %}chat?{% endrole %}<< c = chat() >>',
  'RESULT t={{ t }} ts={{ ts | join(",") }} o={{ o.n }} s={{ s }} i={{ i }} c={{ c }}',
  '',
].join('\n');

/** The fake backend's replies to EVERY_BUILTIN_FLOW. */
export const EVERY_BUILTIN_FAKE: FakeBackendSpec = {
  replies: [
    { match: 'chat?', reply: 'fresh chat' },
    { match: 'instruct?', reply: 'fresh instruct' },
    { match: 'texts?', reply: 'fresh sample' },
    { match: 'text?', reply: 'fresh text' },
    { match: 'object?', reply: '{"n": 7}' },
    { match: 'select?', reply: 'Blue' },
  ],
};

/** The same replies as a fake-backend YAML file. */
export const EVERY_BUILTIN_FAKE_YAML = [
  'replies:',
  ...(EVERY_BUILTIN_FAKE.replies ?? []).map(
    (rule) => `  - {match: ${JSON.stringify(rule.match)}, reply: ${JSON.stringify(rule.reply)}}`,
  ),
  '',
].join('\n');

/** The rendered result line of EVERY_BUILTIN_FLOW with fresh (or faithfully replayed) replies. */
export const EVERY_BUILTIN_RESULT =
  'RESULT t=fresh text ts=fresh sample,fresh sample o=7 s=blue i=fresh instruct c=fresh chat';

/**
 * A value the entry's builtin can never return: a number for a text, a list for a sample, an
 * object breaking the schema, a non-option, an object for a chat reply.
 */
export function tamperedValue(entry: CachedEntry): unknown {
  switch (entry.builtin) {
    case 'generate_text':
      return entry.value === 'fresh sample' ? ['not', 'a', 'string'] : 42;
    case 'generate_object':
      return { n: 'seven' };
    case 'select':
      return 'green';
    case 'chat':
      return { forged: true };
    default:
      throw new Error(`no tampered value for ${entry.builtin}`);
  }
}

/** A CallCache that remembers the keys written through it, so a test can reach every entry. */
export function recordingCache(inner: CallCache): CallCache & { keys: Set<string> } {
  const keys = new Set<string>();
  return {
    keys,
    description: inner.description,
    get: async (key) => inner.get(key),
    set: async (key, entry) => {
      keys.add(key);
      await inner.set(key, entry);
    },
    close: async () => inner.close(),
  };
}

/** Replaces the value of every entry whose key `recorded` holds with a tampered one. */
export async function tamperEntries(cache: CallCache, keys: Iterable<string>): Promise<number> {
  let count = 0;
  for (const key of keys) {
    const entry = await cache.get(key);
    if (entry === undefined) continue;
    await cache.set(key, { ...entry, value: tamperedValue(entry) });
    count += 1;
  }
  return count;
}

/**
 * Rewrites every entry file of a disk cache with a tampered value and a valid header and
 * checksum, as someone with write access to the directory could; returns how many.
 */
export async function tamperDiskCache(dir: string): Promise<number> {
  let count = 0;
  for (const shard of await readdir(dir)) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    for (const name of await readdir(path.join(dir, shard))) {
      const file = path.join(dir, shard, name);
      const text = await readFile(file, 'utf8');
      const key = (JSON.parse(text.slice(0, text.indexOf('\n'))) as { key: string }).key;
      const decoded = decodeDiskEntry(text, key);
      if (decoded.kind !== 'value') throw new Error(`unreadable entry ${file}`);
      const stored = JSON.parse(decoded.value) as { value: CachedEntry };
      stored.value = { ...stored.value, value: tamperedValue(stored.value) };
      await writeFile(file, encodeDiskEntry(key, JSON.stringify(stored)));
      count += 1;
    }
  }
  return count;
}
