import type { CachedEntry, CallCache } from '../cache/call-cache.js';

/**
 * Single flight across processes: when the cache can lock (a shared redis cache), a miss first
 * claims the call's key — another process already making the same call is awaited and its entry
 * replayed instead of calling again. Hits never take the lock (replay stays one round trip), and
 * a cache without `lock` (or a dry run) goes straight to `fetch`. `fetch` looks the cache up
 * again once the claim is ours, so an entry stored meanwhile is replayed, not repeated.
 */
export async function fetchShared<R>(
  cache: CallCache,
  key: string,
  signal: AbortSignal,
  fetch: () => Promise<R>,
  replay: (entry: CachedEntry) => R | null,
): Promise<R> {
  if (!cache.lock) return fetch();
  const hit = await cache.get(key);
  // `replay` refuses an entry that fails the replay check; `fetch` then warns and replaces it.
  const replayed = hit === undefined ? null : replay(hit);
  if (replayed) return replayed;
  const claim = await cache.lock(key, signal);
  switch (claim.kind) {
    case 'entry':
      return replay(claim.entry) ?? fetch();
    case 'unavailable':
      return fetch();
    case 'held':
      try {
        const fetched = await fetch();
        // The lock is released once the entry is stored (writes go on after the call's slot
        // is given back), so a process woken by the release finds it.
        await (fetched as { written?: Promise<void> }).written;
        return fetched;
      } finally {
        await claim.release();
      }
  }
}
