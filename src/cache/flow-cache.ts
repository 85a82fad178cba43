import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ProgramIR } from '../ir/ir.js';
import { outsideRoots, type PathAccess } from '../ir/path-access.js';
import { readFileOrUndefined } from '../ir/read-file.js';
import type { SourceFile } from '../source/source-file.js';
import { CACHE_HMAC_KEY_ENV } from './cache-hmac.js';
import { DEFAULT_CACHE_DIR } from './open-cache.js';

// The flow cache, like Python's __pycache__ or Jinja2's bytecode cache: `ot run` keeps each
// checked program (plain-data IR, its warnings and its files' texts) so the next run of the same
// files skips the parser, the lowering and the checks (most of its start-up). An entry is used
// only when every file the load read still has the same content (and is still inside the
// project's roots), for the same ot build, Node, working directory, entry path and roots.

/** Set to `off` to neither read nor write the flow cache. */
export const FLOW_CACHE_ENV = 'OT_FLOW_CACHE';

/** The directory under the default cache directory where checked programs are kept. */
export const FLOW_CACHE_SUBDIR = 'flows';

/** Bumped when the entry's layout changes, so older entries are misses. */
const FORMAT = 1;

/** A checked program as `loadProgram` returns it (see ir/load-program.ts). */
export interface CachedProgram {
  program: ProgramIR;
  diagnostics: Diagnostic[];
  sources: Record<string, SourceFile>;
}

/** Where one entry's flow cache lives and what it is keyed by. */
export interface FlowCacheSlot {
  /** The entry file. */
  file: string;
  /** The entry's file name in the cache directory. */
  path: string;
  /** Everything but the files' contents that the program depends on, as text. */
  key: string;
  access: PathAccess;
  /** `OT_CACHE_HMAC_KEY`: when non-empty, entries are signed and only signed ones are read. */
  secret: string;
}

interface Entry {
  format: number;
  key: string;
  /**
   * Every file the load read (or tried to): the digest of its text (null: unreadable) and where
   * it leads outside the roots (null: inside), as `outsideRoots` said then.
   */
  reads: [string, string | null, string | null][];
  loaded: CachedProgram;
}

/** The slot of `file` loaded with `access` from `cwd`, or null when the cache is turned off. */
export function flowCacheSlot(
  file: string,
  access: PathAccess,
  cwd: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): FlowCacheSlot | null {
  if (env[FLOW_CACHE_ENV]?.trim() === 'off') return null;
  const key = JSON.stringify([FORMAT, otBuild(), process.versions.v8, cwd, file, access]);
  const name = `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.bin`;
  return {
    file,
    path: path.join(cwd, DEFAULT_CACHE_DIR, FLOW_CACHE_SUBDIR, name),
    key,
    access,
    secret: env[CACHE_HMAC_KEY_ENV] ?? '',
  };
}

/**
 * The cached program of `slot` when every file it read is unchanged, else null. Never throws:
 * a missing, corrupt, unsigned (with a key set) or stale entry is simply a miss.
 */
export function readCachedFlow(slot: FlowCacheSlot): CachedProgram | null {
  try {
    const bytes = readFileSync(slot.path);
    const payload = bytes.subarray(32);
    if (slot.secret !== '' && !timingSafeEqual(bytes.subarray(0, 32), sign(slot.secret, payload)))
      return null;
    const entry = deserialize(payload) as Entry;
    if (entry.format !== FORMAT || entry.key !== slot.key || !Array.isArray(entry.reads))
      return null;
    if (typeof entry.loaded !== 'object' || entry.loaded === null) return null;
    for (const [file, digest, outside] of entry.reads) {
      if (outsideRoots(file, slot.access) !== outside) return null;
      if (digestOf(readFileOrUndefined(file)) !== digest) return null;
    }
    return entry.loaded;
  } catch {
    return null;
  }
}

/**
 * Keeps `loaded` for the next run, with the digests of the texts the load read (`reads`, from
 * `recordingReader`). Never throws: the flow cache is only an optimization. Written to a
 * temporary file and renamed, so a concurrent run reads an old entry or a new one.
 */
export function writeCachedFlow(
  slot: FlowCacheSlot,
  loaded: CachedProgram,
  reads: ReadonlyMap<string, string | undefined>,
): void {
  try {
    const entry: Entry = {
      format: FORMAT,
      key: slot.key,
      reads: [...reads].map(([file, text]) => [
        file,
        digestOf(text),
        outsideRoots(file, slot.access),
      ]),
      loaded,
    };
    const payload = serialize(entry);
    const signature = slot.secret === '' ? Buffer.alloc(32) : sign(slot.secret, payload);
    const dir = path.dirname(slot.path);
    const cacheDir = path.dirname(dir);
    const created = mkdirSync(dir, { recursive: true });
    // Like the call cache's directory: a fresh cache directory keeps itself out of git.
    if (created !== undefined && path.relative(created, cacheDir) === '') {
      writeFileSync(path.join(cacheDir, '.gitignore'), '*\n', { flag: 'wx' });
    }
    const temp = `${slot.path}.${process.pid}.tmp`;
    writeFileSync(temp, Buffer.concat([signature, payload]));
    renameSync(temp, slot.path);
  } catch {
    // A read-only directory, a full disk, a program that cannot be serialized: no entry.
  }
}

/** A file reader for `loadProgram` that remembers every path it was asked for and its text. */
export function recordingReader(): {
  readFile: (file: string) => string | undefined;
  reads: Map<string, string | undefined>;
} {
  const reads = new Map<string, string | undefined>();
  return {
    reads,
    readFile: (file) => {
      const text = readFileOrUndefined(file);
      reads.set(file, text);
      return text;
    },
  };
}

function digestOf(text: string | undefined): string | null {
  return text === undefined ? null : createHash('sha256').update(text).digest('hex');
}

function sign(secret: string, payload: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/**
 * This build of ot: its version and when this file was written. A build rewrites every file of
 * dist/, so a rebuilt checkout (same version, new parser or checks) never reads older entries.
 */
function otBuild(): string {
  const require = createRequire(import.meta.url);
  const { version } = require('../../package.json') as { version: string };
  return `${version} ${statSync(fileURLToPath(import.meta.url)).mtimeMs}`;
}
