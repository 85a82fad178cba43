import {
  chmod,
  mkdir,
  readdir,
  readFile,
  stat,
  truncate,
  utimes,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { Keyv } from 'keyv';
import { describe, expect, it } from 'vitest';
import { createCachedEntry } from '../../src/cache/call-cache.js';
import { CorruptCacheEntryError, DiskStore } from '../../src/cache/disk-store.js';
import { openCache } from '../../src/cache/open-cache.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();

/** A store whose warnings (keyv's `error` events) are collected. */
function watchedStore(dir: string): { store: DiskStore; warnings: Error[] } {
  const store = new DiskStore({ dir });
  const warnings: Error[] = [];
  store.on('error', (error: Error) => warnings.push(error));
  return { store, warnings };
}

describe('DiskStore', () => {
  it('round-trips values, including large and non-ASCII ones', async () => {
    const { store, warnings } = watchedStore(await tempDir());
    const big = 'é🙂\n'.repeat(100_000);
    await store.set('a', 'first');
    await store.set('b', big);
    await store.set('', 'empty key');
    expect(await store.get('a')).toBe('first');
    expect(await store.get('b')).toBe(big);
    expect(await store.get('')).toBe('empty key');
    expect(await store.get('missing')).toBeUndefined();
    expect(await store.has('a')).toBe(true);
    expect(await store.has('missing')).toBe(false);
    expect(await store.getMany(['a', 'missing'])).toEqual(['first', undefined]);
    await store.set('a', 'second');
    expect(await store.get('a')).toBe('second');
    expect(warnings).toEqual([]);
  });

  it('persists: a fresh instance over the same directory reads the entries', async () => {
    const dir = await tempDir();
    await new DiskStore({ dir }).set('k', 'v');
    expect(await new DiskStore({ dir }).get('k')).toBe('v');
  });

  it('shards entries into two-hex-digit directories and leaves no temporary files', async () => {
    const dir = await tempDir();
    const store = new DiskStore({ dir, fsync: false });
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => store.set(`key ${i}`, `value ${i}`)),
    );
    const shards = (await readdir(dir)).filter((name) => name !== '.gitignore');
    expect(shards.length).toBeGreaterThan(10);
    for (const shard of shards) {
      expect(shard).toMatch(/^[0-9a-f]{2}$/);
      for (const file of await readdir(path.join(dir, shard)))
        expect(file).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(store.entryPath('key 0')).toMatch(
      new RegExp(`^${escape(dir)}/[0-9a-f]{2}/[0-9a-f]{64}$`),
    );
    expect((await stat(store.entryPath('key 0'))).isFile()).toBe(true);
  });

  it('keeps a new cache directory out of git', async () => {
    const dir = path.join(await tempDir(), 'nested', 'cache');
    await new DiskStore({ dir }).set('k', 'v');
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe('*\n');
  });

  it('does not add a .gitignore to a directory that already existed', async () => {
    const dir = await tempDir();
    await new DiskStore({ dir }).set('k', 'v');
    expect(await readdir(dir)).not.toContain('.gitignore');
  });

  it('deletes entries', async () => {
    const store = new DiskStore({ dir: await tempDir() });
    await store.set('a', '1');
    await store.set('b', '2');
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.deleteMany(['b', 'c'])).toBe(false);
    expect(await store.get('b')).toBeUndefined();
  });

  it('clear() removes entries and leftover temporary files, and nothing else', async () => {
    const dir = await tempDir();
    const store = new DiskStore({ dir });
    await store.set('a', '1');
    await store.set('b', '2');
    const shard = path.dirname(store.entryPath('a'));
    const leftover = `${store.entryPath('a')}.123.4.abcdef01.tmp`;
    await writeFile(leftover, 'half');
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    await writeFile(path.join(shard, 'README'), 'also mine');
    await mkdir(path.join(dir, 'zz'));
    await store.clear();
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toBeUndefined();
    expect((await readdir(dir)).sort()).toEqual([path.basename(shard), 'notes.txt', 'zz'].sort());
    expect(await readdir(shard)).toEqual(['README']);
    await store.clear();
  });

  it('removes orphan temporary files older than a minute when it opens, and keeps fresh ones', async () => {
    const dir = await tempDir();
    const first = new DiskStore({ dir });
    await first.set('a', '1');
    await first.close();
    const shard = path.dirname(first.entryPath('a'));
    // What `kill -9` mid-write leaves: a temporary file that no rename will ever consume.
    const orphan = `${first.entryPath('a')}.999.7.0badf00d.tmp`;
    const inProgress = `${first.entryPath('a')}.998.3.0c0ffee0.tmp`;
    const notOurs = path.join(shard, 'notes.tmp');
    for (const file of [orphan, inProgress, notOurs]) await writeFile(file, 'half');
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await utimes(orphan, twoMinutesAgo, twoMinutesAgo);
    await utimes(notOurs, twoMinutesAgo, twoMinutesAgo);

    const reopened = new DiskStore({ dir });
    await reopened.close(); // waits for the sweep started on open
    const names = await readdir(shard);
    expect(names).not.toContain(path.basename(orphan));
    expect(names).toContain(path.basename(inProgress));
    expect(names).toContain('notes.tmp');
    expect(await new DiskStore({ dir }).get('a')).toBe('1');
    // Once that fresh file is old too, the next sweep takes it.
    expect(await reopened.removeOrphanTemps(Date.now() + 120_000)).toBe(1);
    expect((await readdir(shard)).sort()).toEqual(
      [path.basename(first.entryPath('a')), 'notes.tmp'].sort(),
    );
  });

  it('clear() on a directory that does not exist is a no-op', async () => {
    await new DiskStore({ dir: path.join(await tempDir(), 'none') }).clear();
  });

  it('lets the event loop turn during a long run of reads', async () => {
    const store = new DiskStore({ dir: await tempDir() });
    await store.set('k', 'v');
    let timerRan = false;
    setTimeout(() => {
      timerRan = true;
    }, 0);
    let reads = 0;
    // Without turns of the loop, the timer could not run before all 200,000 reads are done.
    while (!timerRan && reads < 200_000) {
      await store.get('k');
      reads += 1;
    }
    expect(timerRan).toBe(true);
    expect(reads).toBeLessThan(200_000);
  });

  it('refuses values that are not strings (keyv always serializes)', async () => {
    const store = new DiskStore({ dir: await tempDir() });
    await expect(store.set('k', { a: 1 })).rejects.toThrow('DiskStore stores strings');
  });

  it('close() waits for writes in progress and refuses later ones', async () => {
    const dir = await tempDir();
    const store = new DiskStore({ dir });
    const writing = store.set('k', 'v'.repeat(1_000_000));
    await store.close();
    expect(await new DiskStore({ dir }).get('k')).toBe('v'.repeat(1_000_000));
    await writing;
    await expect(store.set('k2', 'v')).rejects.toThrow('is closed');
  });

  describe('corrupt entries', () => {
    const damages: Array<[string, (file: string) => Promise<void>, RegExp]> = [
      [
        'truncated',
        async (file) => truncate(file, (await stat(file)).size - 3),
        /characters, the header says/,
      ],
      ['cut inside the header', async (file) => truncate(file, 10), /no header line/],
      ['empty', async (file) => truncate(file, 0), /no header line/],
      [
        'garbage',
        async (file) => writeFile(file, '\u0000\u0001garbage\n{{{'),
        /the header is not JSON/,
      ],
      [
        'a header of the wrong shape',
        async (file) => writeFile(file, '{"format":1}\nvalue'),
        /malformed/,
      ],
      ['a changed character', async (file) => flipLastCharacter(file), /checksum mismatch/],
      [
        'an unknown format',
        async (file) => writeFile(file, '{"format":"x/9","key":"k","length":1,"crc32":0}\nv'),
        /unknown format/,
      ],
    ];
    it.each(damages)(
      'an entry file that is %s is a miss and one warning naming the file, then repaired by the next write',
      async (_what, damage, reason) => {
        const dir = await tempDir();
        const { store, warnings } = watchedStore(dir);
        await store.set('k', JSON.stringify({ value: 'a long enough value' }));
        const file = store.entryPath('k');
        await damage(file);

        expect(await store.get('k')).toBeUndefined();
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toBeInstanceOf(CorruptCacheEntryError);
        expect(warnings[0]?.message).toContain(file);
        expect(warnings[0]?.message).toMatch(reason);

        await store.set('k', 'repaired');
        expect(await store.get('k')).toBe('repaired');
        expect(warnings).toHaveLength(1);
      },
    );

    it('through openCache: a miss, one warning naming the file, repaired by the next set', async () => {
      const cwd = await tempDir();
      const warnings: string[] = [];
      const cache = await openCache(undefined, {
        cwd,
        onWarning: (message) => warnings.push(message),
      });
      const entry = createCachedEntry('generate_text', 'Menton');
      await cache.set('ot1:abc', entry);
      const file = new DiskStore({ dir: path.join(cwd, '.ot-cache') }).entryPath('ot1:abc');
      await writeFile(file, 'garbage');
      expect(await cache.get('ot1:abc')).toBeUndefined();
      expect(await cache.get('ot1:abc')).toBeUndefined();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(file);
      await cache.set('ot1:abc', entry);
      expect(await cache.get('ot1:abc')).toEqual(entry);
      expect(warnings).toHaveLength(1);
      await cache.close();
    });

    it('an entry file of another key (a hash collision) is a silent miss', async () => {
      const { store, warnings } = watchedStore(await tempDir());
      await store.set('a', 'A');
      await mkdir(path.dirname(store.entryPath('b')), { recursive: true });
      await writeFile(store.entryPath('b'), await readFile(store.entryPath('a'), 'utf8'));
      expect(await store.get('b')).toBeUndefined();
      expect(warnings).toEqual([]);
    });

    it('without an error listener, a corrupt entry is a process warning, not a crash', async () => {
      const store = new DiskStore({ dir: await tempDir() });
      await store.set('k', 'v');
      await writeFile(store.entryPath('k'), 'garbage');
      const seen: string[] = [];
      const listener = (warning: Error): void => {
        seen.push(warning.message);
      };
      process.on('warning', listener);
      try {
        expect(await store.get('k')).toBeUndefined();
        await new Promise((resolve) => setImmediate(resolve));
      } finally {
        process.off('warning', listener);
      }
      expect(seen.some((message) => message.includes(store.entryPath('k')))).toBe(true);
    });
  });

  describe('an unwritable directory', () => {
    it('(a path through a regular file) is a warning, not a throw, and reads miss', async () => {
      const base = await tempDir();
      await writeFile(path.join(base, 'file'), 'not a directory');
      const warnings: string[] = [];
      const cache = await openCache(path.join(base, 'file', 'cache'), {
        cwd: base,
        onWarning: (message) => warnings.push(message),
      });
      await expect(
        cache.set('ot1:k', createCachedEntry('generate_text', 'x')),
      ).resolves.toBeUndefined();
      expect(await cache.get('ot1:k')).toBeUndefined();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^disk cache at .*file\/cache: ENOTDIR/);
      await cache.close();
    });

    it.skipIf(process.getuid?.() === 0)(
      '(no write permission) is a warning, not a throw',
      async () => {
        const dir = await tempDir();
        await chmod(dir, 0o555);
        try {
          const warnings: string[] = [];
          const cache = await openCache(dir, {
            cwd: dir,
            onWarning: (message) => warnings.push(message),
          });
          await cache.set('ot1:k', createCachedEntry('generate_text', 'x'));
          expect(await cache.get('ot1:k')).toBeUndefined();
          expect(warnings.join('\n')).toMatch(/EACCES/);
          await cache.close();
        } finally {
          await chmod(dir, 0o755);
        }
      },
    );

    it('an unreadable entry (a directory in its place) is a warning and a miss', async () => {
      const cwd = await tempDir();
      const warnings: string[] = [];
      const cache = await openCache('store', {
        cwd,
        onWarning: (message) => warnings.push(message),
      });
      await mkdir(new DiskStore({ dir: path.join(cwd, 'store') }).entryPath('ot1:k'), {
        recursive: true,
      });
      expect(await cache.get('ot1:k')).toBeUndefined();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/EISDIR.*reading ot1:k failed, treated as a miss/);
      await cache.close();
    });
  });

  it('works as any keyv store', async () => {
    const keyv = new Keyv({ store: new DiskStore({ dir: await tempDir() }), namespace: 'mine' });
    await keyv.set('x', { deep: [1, 'two'] });
    expect(await keyv.get('x')).toEqual({ deep: [1, 'two'] });
    expect(await keyv.delete('x')).toBe(true);
    expect(await keyv.get('x')).toBeUndefined();
    await keyv.disconnect();
  });
});

async function flipLastCharacter(file: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const last = text.at(-1) === 'x' ? 'y' : 'x';
  await writeFile(file, text.slice(0, -1) + last);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
