import { hash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdir, open, readdir, rename, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import { assertNever } from '../assert-never.js';
import { decodeDiskEntry, encodeDiskEntry } from './disk-entry.js';
import { createLimiter } from './limiter.js';

/*
 * Layout: one file per entry, `<dir>/<first 2 hex>/<sha256 hex of the key>`, 256 shards.
 *
 * Why files and not an append-only log: every property we need comes from the file system
 * for free. A write goes to a uniquely named temporary file in the entry's own directory and
 * is renamed over the entry; rename within a directory is atomic, so a reader (or a crash,
 * or `kill -9`) sees the old entry or the new one, never half of one, and two processes
 * writing the same key both install complete files (the last rename wins). No locks, no
 * index to rebuild after a crash, no compaction, and a corrupt file damages one entry
 * only: it is a miss until the next write of that key replaces it. Readers see other
 * processes' writes at once. A log with an index would need file locking (not portable to
 * Node without native code), tail repair after a crash and compaction.
 *
 * Speed: replay reads each entry once; sharding keeps directories small (10,000 entries
 * are ~40 per shard) and the file name is computed, never searched. Entry files are small
 * and local, and reading one synchronously costs less than a round trip through libuv's
 * four-thread pool: measured on this project's 2-core machine, 10,000 entries take 72-91 ms
 * with readFileSync, 180-450 ms with callback fs.readFile (64 at a time, the spread is the
 * pool's threads competing for the cores) and ~750 ms with fs.promises.readFile
 * (nodejs/node#37583, nodejs/node#52046). Replay is the workload the cache exists for, so
 * reads are synchronous: each blocks the event loop for microseconds (a cached megabyte,
 * about a millisecond). A cache on a slow network file system would stall the loop; put it
 * on a local disk, or use redis.
 *
 * A synchronous read settles its promise without a turn of the event loop, so a long replay
 * would hold back timers, signals and sockets until it ends: after YIELD_EVERY_MS of
 * reading, the next read first lets the loop turn. Writes stay asynchronous: they fsync,
 * which takes milliseconds, and at most IO_CONCURRENCY of them hold files open at once.
 */

/** Most entry files one store has open for writing at once. */
const IO_CONCURRENCY = 64;
/** Longest stretch of synchronous reads before the event loop gets a turn. */
const YIELD_EVERY_MS = 5;
/**
 * A temporary file older than this is an orphan of a process killed mid-write (`kill -9`, a
 * power cut) and is removed when a store opens. A live write renames its file within
 * milliseconds, so a minute never takes one from a process still writing.
 */
export const ORPHAN_TEMP_AGE_MS = 60_000;

/** Options of the embedded disk store. */
export interface DiskStoreOptions {
  /** The cache directory; created (with a `.gitignore`) on the first write. */
  dir: string;
  /**
   * Flush each entry to the disk before it replaces the old one (default true), so even a
   * power cut leaves an old or a new entry. A process crash is safe either way; tests and
   * benchmarks that fill a throwaway cache may turn it off.
   */
  fsync?: boolean;
}

/** A corrupt entry file: reported as a warning (keyv's `error` event), read as a miss. */
export class CorruptCacheEntryError extends Error {
  /** The damaged file. */
  readonly file: string;

  constructor(file: string, reason: string) {
    super(`corrupt cache entry ${file} (${reason}); treated as a miss, the next write replaces it`);
    this.name = 'CorruptCacheEntryError';
    this.file = file;
  }
}

const SHARD_NAME = /^[0-9a-f]{2}$/;
/** Entry files and the temporary files of unfinished writes; `clear` deletes nothing else. */
const OWN_FILE_NAME = /^[0-9a-f]{64}(\.\d+\.\d+\.[0-9a-f]+\.tmp)?$/;
/** The temporary file of a write (`<entry>.<pid>.<counter>.<random>.tmp`). */
const TEMP_FILE_NAME = /^[0-9a-f]{64}\.\d+\.\d+\.[0-9a-f]+\.tmp$/;

/** The embedded on-disk keyv store: pure JavaScript, no server, crash- and multi-process-safe. */
export class DiskStore extends EventEmitter implements KeyvStoreAdapter {
  /** The resolved options (keyv reads `opts` of every store). */
  readonly opts: { dir: string; fsync: boolean };
  /** Set by keyv; unused, because keyv already prefixes the keys it hands us when asked to. */
  namespace?: string | undefined;
  readonly #pendingWrites = new Set<Promise<void>>();
  readonly #io = createLimiter(IO_CONCURRENCY);
  readonly #tempPrefix = `${process.pid}.`;
  #tempCounter = 0;
  #closed = false;
  #lastTurn = performance.now();
  /** The sweep of orphan temporary files started on open; `close` waits for it. */
  readonly #sweep: Promise<void>;

  constructor(options: DiskStoreOptions) {
    super();
    this.opts = { dir: path.resolve(options.dir), fsync: options.fsync ?? true };
    // In the background: a replay need not wait for it, and a failure only leaves files behind.
    this.#sweep = this.removeOrphanTemps().then(
      () => undefined,
      (error: unknown) =>
        this.#report(
          new Error(`removing orphan temporary files in ${this.opts.dir} failed: ${String(error)}`),
        ),
    );
  }

  /**
   * Deletes temporary files older than ORPHAN_TEMP_AGE_MS (left by processes killed mid-write);
   * resolves with how many it removed. Called on open; safe while other processes write.
   */
  async removeOrphanTemps(now = Date.now()): Promise<number> {
    const shards = (await listDirectory(this.opts.dir)).filter((name) => SHARD_NAME.test(name));
    let removed = 0;
    for (const shard of shards) {
      const shardDir = path.join(this.opts.dir, shard);
      for (const name of await listDirectory(shardDir)) {
        if (!TEMP_FILE_NAME.test(name)) continue;
        const file = path.join(shardDir, name);
        try {
          const { mtimeMs } = await stat(file);
          if (now - mtimeMs < ORPHAN_TEMP_AGE_MS) continue;
          await unlink(file);
          removed += 1;
        } catch (error) {
          // Renamed or removed by its writer or another store's sweep meanwhile.
          ignoreMissing(error);
        }
      }
    }
    return removed;
  }

  /** The stored (serialized) value, or undefined for a missing, foreign or corrupt entry. */
  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    const file = this.entryPath(key);
    if (performance.now() - this.#lastTurn > YIELD_EVERY_MS) {
      this.#lastTurn = performance.now();
      await nextTurn();
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const decoded = decodeDiskEntry(text, key);
    switch (decoded.kind) {
      case 'value':
        return decoded.value as StoredData<Value>;
      case 'other-key':
        return undefined;
      case 'corrupt':
        this.#report(new CorruptCacheEntryError(file, decoded.reason));
        return undefined;
      default:
        return assertNever(decoded);
    }
  }

  /** Stores keyv's serialized value atomically; `ttl` is ignored (keyv stores the expiry). */
  async set(key: string, value: unknown, _ttl?: number): Promise<boolean> {
    if (this.#closed) throw new Error(`the disk cache at ${this.opts.dir} is closed`);
    if (typeof value !== 'string') {
      throw new TypeError('DiskStore stores strings: give keyv a serialize function');
    }
    const write = this.#io(async () => this.#write(key, value));
    this.#pendingWrites.add(write);
    try {
      await write;
      return true;
    } finally {
      this.#pendingWrites.delete(write);
    }
  }

  /** Reads several entries concurrently. */
  async getMany<Value>(keys: string[]): Promise<Array<StoredData<Value | undefined>>> {
    return Promise.all(keys.map(async (key) => this.get<Value>(key)));
  }

  /** Whether a readable entry exists. */
  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  /** Removes an entry; true if there was one. */
  async delete(key: string): Promise<boolean> {
    try {
      await unlink(this.entryPath(key));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** Removes several entries; true if every one existed (keyv's convention). */
  async deleteMany(keys: string[]): Promise<boolean> {
    const deleted = await Promise.all(keys.map(async (key) => this.delete(key)));
    return deleted.every(Boolean);
  }

  /**
   * Deletes every entry (and leftover temporary file) and the emptied shard directories.
   * Only names this store creates are touched: a cache pointed at a directory that holds
   * other files never loses them.
   */
  async clear(): Promise<void> {
    const shards = await listDirectory(this.opts.dir);
    await Promise.all(
      shards
        .filter((name) => SHARD_NAME.test(name))
        .map(async (shard) => {
          const shardDir = path.join(this.opts.dir, shard);
          const names = await listDirectory(shardDir);
          await Promise.all(
            names
              .filter((name) => OWN_FILE_NAME.test(name))
              .map(async (name) => unlink(path.join(shardDir, name)).catch(ignoreMissing)),
          );
          await rmdir(shardDir).catch(ignoreNotEmptyOrMissing);
        }),
    );
  }

  /** Waits for writes in progress; later writes are refused. There is nothing else to release. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled([...this.#pendingWrites, this.#sweep]);
  }

  /** keyv's name for `close`. */
  async disconnect(): Promise<void> {
    await this.close();
  }

  /** The file that holds `key`'s entry (whether or not it exists yet). */
  entryPath(key: string): string {
    const digest = hash('sha256', key, 'hex');
    return path.join(this.opts.dir, digest.slice(0, 2), digest);
  }

  async #write(key: string, value: string): Promise<void> {
    const file = this.entryPath(key);
    // pid + counter are unique on this machine; the random part covers several machines
    // sharing one directory over a network file system.
    this.#tempCounter += 1;
    const temp = `${file}.${this.#tempPrefix}${this.#tempCounter}.${randomBytes(4).toString('hex')}.tmp`;
    const text = encodeDiskEntry(key, value);
    try {
      await this.#writeTemp(temp, text);
    } catch (error) {
      // The shard directory is created on its first write rather than probed on every one.
      if (!isMissing(error)) throw error;
      await this.#makeShard(path.dirname(file));
      await this.#writeTemp(temp, text);
    }
    try {
      await renameReplacing(temp, file);
    } catch (error) {
      await unlink(temp).catch(ignoreMissing);
      throw error;
    }
  }

  async #writeTemp(temp: string, text: string): Promise<void> {
    // 'wx': never write through someone else's file, even if a name were ever reused.
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      if (this.opts.fsync) await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(temp).catch(ignoreMissing);
      throw error;
    }
    await handle.close();
  }

  async #makeShard(shardDir: string): Promise<void> {
    const created = await mkdir(shardDir, { recursive: true });
    if (created === undefined) return;
    const relative = path.relative(created, this.opts.dir);
    const rootIsNew = !relative.startsWith('..') && !path.isAbsolute(relative);
    if (rootIsNew) {
      // Like .pytest_cache and .mypy_cache: a fresh cache directory keeps itself out of git.
      await writeFile(path.join(this.opts.dir, '.gitignore'), '*\n', { flag: 'wx' }).catch(
        () => undefined,
      );
    }
  }

  #report(error: Error): void {
    // An EventEmitter throws an 'error' nobody listens to; keyv always listens, a bare
    // store used on its own falls back to a process warning.
    if (this.listenerCount('error') > 0) this.emit('error', error);
    else process.emitWarning(error.message, 'OtCacheWarning');
  }
}

/**
 * Windows refuses to replace a file that another process has open at that moment; the
 * reader closes it within milliseconds, so a few short retries suffice. POSIX never needs them.
 */
async function renameReplacing(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = errorCode(error);
      const transient = code === 'EPERM' || code === 'EACCES' || code === 'EBUSY';
      if (process.platform !== 'win32' || !transient || attempt >= 5) throw error;
      await delay(10 * 2 ** attempt);
    }
  }
}

async function listDirectory(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/** ENOTDIR too: a cache directory path that runs through a file holds no entries. */
function isMissing(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function ignoreMissing(error: unknown): void {
  if (!isMissing(error)) throw error;
}

function ignoreNotEmptyOrMissing(error: unknown): void {
  const code = errorCode(error);
  if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && !isMissing(error)) throw error;
}
