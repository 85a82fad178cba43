import type { Origin } from './origins.js';
import type { AbstractValue } from './scope.js';

/**
 * The undo log of the analysis store. Alternatives (branches, loop passes) used to copy every
 * variable and origin before and after each run, which made the plan quadratic in the file's
 * size; now each write records what it replaced, so starting an alternative costs nothing and
 * going back costs only what the alternative changed.
 */
interface Entry {
  target: StoreMap | StoreSet;
  key: string;
  had: boolean;
  previous: AbstractValue | undefined;
}

const log: Entry[] = [];
/** How many alternatives are running (writes are only logged inside one). */
let depth = 0;

/** A variable map whose writes are logged. */
export class StoreMap extends Map<string, AbstractValue> {
  override set(key: string, value: AbstractValue): this {
    if (depth > 0) log.push({ target: this, key, had: this.has(key), previous: this.get(key) });
    return super.set(key, value);
  }

  /** A write that is not logged (undoing one). */
  restore(key: string, had: boolean, previous: AbstractValue | undefined): void {
    if (had) super.set(key, previous!);
    else super.delete(key);
  }
}

/** A set of origins (an output buffer's) whose additions are logged. */
export class StoreSet extends Set<Origin> {
  override add(origin: Origin): this {
    if (depth > 0 && !this.has(origin))
      log.push({ target: this, key: origin, had: false, previous: undefined });
    return super.add(origin);
  }

  /** An addition undone. */
  restore(origin: Origin): void {
    super.delete(origin);
  }
}

/** Starts logging for an alternative; the mark is where to go back to. */
export function beginJournal(): number {
  depth++;
  return log.length;
}

/** Ends what `beginJournal` started (the log is dropped once no alternative runs). */
export function endJournal(): void {
  depth--;
  if (depth === 0) log.length = 0;
}

/** What changed in `tracked` since `mark`: for each container, the keys written. */
export function writtenSince(
  mark: number,
  tracked: ReadonlySet<StoreMap | StoreSet>,
): Map<StoreMap | StoreSet, Set<string>> {
  const written = new Map<StoreMap | StoreSet, Set<string>>();
  for (let i = mark; i < log.length; i++) {
    const entry = log[i]!;
    if (!tracked.has(entry.target)) continue;
    let keys = written.get(entry.target);
    if (!keys) written.set(entry.target, (keys = new Set()));
    keys.add(entry.key);
  }
  return written;
}

/**
 * Undoes the writes to `tracked` since `mark`. Writes to other containers (frames made inside
 * the alternative, or an enclosing alternative's buffer) stay, and stay logged for whoever
 * tracks them, as they did when snapshots copied only the current frames.
 */
export function undoTo(mark: number, tracked: ReadonlySet<StoreMap | StoreSet>): void {
  const kept: Entry[] = [];
  for (let i = log.length - 1; i >= mark; i--) {
    const entry = log[i]!;
    if (!tracked.has(entry.target)) kept.push(entry);
    else if (entry.target instanceof StoreMap)
      entry.target.restore(entry.key, entry.had, entry.previous);
    else entry.target.restore(entry.key);
  }
  log.length = mark;
  for (let i = kept.length - 1; i >= 0; i--) log.push(kept[i]!);
}
