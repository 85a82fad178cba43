import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  flowCacheSlot,
  readCachedFlow,
  recordingReader,
  writeCachedFlow,
} from '../../src/cache/flow-cache.js';
import { projectAccess } from '../../src/config/project-access.js';
import { loadProgram } from '../../src/ir/load-program.js';

const samples = fileURLToPath(new URL('../../samples/', import.meta.url));
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ot-flow-cache-unit-'));
  dirs.push(dir);
  return dir;
}

/** Loads `file` as `ot run` does on a miss and keeps it in a flow cache under `cwd`. */
function loadAndKeep(file: string, cwd: string) {
  const access = projectAccess(file);
  const slot = flowCacheSlot(file, access, cwd, {})!;
  const reader = recordingReader();
  const loaded = loadProgram(file, { access, readFile: reader.readFile });
  writeCachedFlow(slot, loaded, reader.reads);
  return { slot, loaded };
}

describe('flow cache entries', () => {
  const files = readdirSync(samples, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ot'))
    .map((name) => path.join(samples, name));

  it.each(files)(
    '%s reads back exactly as it was loaded (same IR, diagnostics, sources)',
    (file) => {
      const { slot, loaded } = loadAndKeep(file, tempDir());
      expect(readCachedFlow(slot)).toStrictEqual(loaded);
    },
  );

  it('keeps values JSON cannot: infinite and -0 numbers, undefined fields', () => {
    const dir = tempDir();
    const file = path.join(dir, 'flow.ot');
    writeFileSync(file, '{{ 1e400 }} {{ -0 }} {% set x = [1, 2.5] %}{{ x }}\n');
    const { slot, loaded } = loadAndKeep(file, dir);
    expect(readCachedFlow(slot)).toStrictEqual(loaded);
  });

  it('is a miss when an included file now leads outside the roots through a symlink', () => {
    const outside = tempDir();
    writeFileSync(path.join(outside, 'part.ot'), 'same text');
    const dir = tempDir();
    writeFileSync(path.join(dir, 'part.ot'), 'same text');
    const file = path.join(dir, 'flow.ot');
    writeFileSync(file, '{% include "part.ot" %}\n');
    const { slot } = loadAndKeep(file, dir);
    expect(readCachedFlow(slot)).not.toBeNull();
    rmSync(path.join(dir, 'part.ot'));
    symlinkSync(path.join(outside, 'part.ot'), path.join(dir, 'part.ot'));
    expect(readCachedFlow(slot)).toBeNull();
  });

  it('has one slot per working directory, entry path and roots', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'a'));
    const access = { roots: [dir], allowDynamicPaths: false };
    const slot = flowCacheSlot('flow.ot', access, dir, {})!;
    expect(slot.path.startsWith(path.join(dir, '.ot-cache', 'flows'))).toBe(true);
    for (const other of [
      flowCacheSlot('flow.ot', access, path.join(dir, 'a'), {})!,
      flowCacheSlot('./flow.ot', access, dir, {})!,
      flowCacheSlot('flow.ot', { ...access, allowDynamicPaths: true }, dir, {})!,
    ]) {
      expect(other.path).not.toBe(slot.path);
    }
    expect(flowCacheSlot('flow.ot', access, dir, { OT_FLOW_CACHE: 'off' })).toBeNull();
  });
});
