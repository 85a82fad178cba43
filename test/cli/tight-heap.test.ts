// Commands that stream many rows keep V8's heap growth small (src/cli/tight-heap.ts): their live
// heap is flat, and V8's default growth let a 100,000-row run peak at 1.5× a 1,000-row one.
// Checked through the real CLI, with a preload that records the V8 flags a process sets.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist, runOt } from './run-ot.js';

const dir = mkdtempSync(join(tmpdir(), 'ot-tight-heap-'));
const preload = join(dir, 'record-flags.cjs');

beforeAll(() => {
  buildDist();
  writeFileSync(
    preload,
    [
      "const v8 = require('node:v8');",
      "const { appendFileSync } = require('node:fs');",
      'const set = v8.setFlagsFromString;',
      'v8.setFlagsFromString = (flags) => {',
      "  appendFileSync(process.env.OT_FLAGS_LOG, flags + '\\n');",
      '  return set(flags);',
      '};',
      "require('node:module').syncBuiltinESMExports();",
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'flow.ot'),
    '---\ninput:\n  topic: string\n---\nAbout {{ topic }}: << generate_text() >>\n',
  );
  writeFileSync(join(dir, 'fake.yaml'), 'default: "ok"\n');
  writeFileSync(join(dir, 'rows.jsonl'), '{"topic": "a"}\n{"topic": "b"}\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `ot` with the preload; returns the exit code and the V8 flags it set. */
async function flagsSetBy(
  args: string[],
  name: string,
): Promise<{ code: number | null; flags: string }> {
  const log = join(dir, `${name}.log`);
  writeFileSync(log, '');
  const run = await runOt(args, {
    cwd: dir,
    env: { NODE_OPTIONS: `--require ${preload}`, OT_FLAGS_LOG: log },
  });
  return { code: run.code, flags: readFileSync(log, 'utf8') };
}

describe('the heap of commands that stream rows', () => {
  it('ot run --inputs lets the heap grow by at most half between full collections', async () => {
    const run = await flagsSetBy(
      ['run', 'flow.ot', '--inputs', 'rows.jsonl', '--backend', 'fake:fake.yaml', '--cache', 'off'],
      'inputs',
    );
    expect(run.code).toBe(0);
    expect(run.flags).toBe('--heap-growing-percent=50\n');
  });

  it('a single ot run leaves V8 as it is', async () => {
    const run = await flagsSetBy(
      ['run', 'flow.ot', '--input', 'topic=a', '--backend', 'fake:fake.yaml', '--cache', 'off'],
      'single',
    );
    expect(run.code).toBe(0);
    expect(run.flags).toBe('');
  });
});
