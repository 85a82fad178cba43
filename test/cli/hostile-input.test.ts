import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist, runOt } from './run-ot.js';

/** What a hostile file may print at most, whatever its size. */
const MAX_STDERR_BYTES = 64 * 1024;

let dir: string;

beforeAll(() => {
  buildDist();
  dir = mkdtempSync(path.join(tmpdir(), 'ot-hostile-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Hostile files of about 200 KB, one problem per few characters, all on one line. */
const hostile: Record<string, string> = {
  braces: '{'.repeat(200_000),
  'unclosed-ifs': '{% if a %}'.repeat(20_000),
  'call-openers': '<<'.repeat(100_000),
};

const commands: Record<string, (file: string) => string[]> = {
  check: (file) => ['check', file],
  plan: (file) => ['plan', file],
  compile: (file) => ['compile', file, '-o', `${file}.mjs`],
  fmt: (file) => ['fmt', '--check', file],
  run: (file) => ['run', '--cache', 'off', '--dry-run', file],
};

describe('the CLI on hostile input', () => {
  for (const [name, text] of Object.entries(hostile)) {
    for (const [command, args] of Object.entries(commands)) {
      it(`ot ${command} on 200 KB of ${name} fails with a bounded report`, async () => {
        const file = path.join(dir, `${name}-${command}.ot`);
        writeFileSync(file, text);
        const result = await runOt(args(file), { cwd: dir });
        expect(result.code).toBe(1);
        expect(Buffer.byteLength(result.stderr)).toBeLessThan(MAX_STDERR_BYTES);
        expect(result.stderr).not.toMatch(/Maximum call stack|Invalid string length|heap/);
        if (command !== 'fmt') {
          // The first hundred problems, each with a code frame, then the count of the others.
          expect(result.stderr.match(/: (error|warning) OT\d{4}:/g)?.length).toBe(101);
          expect(result.stderr).toMatch(
            /error OT1014: and \d+ more (errors|diagnostics) in this file/,
          );
        }
      }, 180_000);
    }
  }
});

describe('the CLI on files past the size limits, with a small heap', () => {
  // Before the limits, a megabyte of `{` peaked at about 450 MB and ten at 3.8 GB: with the heap
  // capped at 256 MB these crashed out of memory instead of printing one clear error.
  const limited = { NODE_OPTIONS: '--max-old-space-size=256' };
  const cases: Record<string, { text: () => string; where: string; message: RegExp }> = {
    '10 MB of {': {
      text: () => '{'.repeat(10_000_000),
      where: ':1:2000001: error OT1016:',
      message: /the file is too large to parse: 10,000,000 characters \(at most 2,000,000\)/,
    },
    '1 MB of {': {
      text: () => '{'.repeat(1_000_000),
      where: ':1:500001: error OT1017:',
      message: /the file has too many tokens to parse \(more than 250,000\)/,
    },
  };
  for (const [name, { text, where, message }] of Object.entries(cases)) {
    for (const command of ['check', 'run'] as const) {
      it(`ot ${command} on ${name} prints one error with a code frame`, async () => {
        const file = path.join(dir, `limit-${command}-${name.split(' ')[0]}.ot`);
        writeFileSync(file, text());
        const args = command === 'run' ? ['run', '--cache', 'off', file] : ['check', file];
        const result = await runOt(args, { cwd: dir, env: limited });
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`${file}${where}`);
        expect(result.stderr).toMatch(message);
        expect(result.stderr.match(/ error OT\d{4}:/g)).toHaveLength(1);
        // The code frame: the line cut to a window, the caret under the place.
        expect(result.stderr).toMatch(/\n {2}1 \| …\{+…\n {4}\| +\^/);
        expect(result.stderr).not.toMatch(/heap|Allocation failed|\n\s+at /);
      }, 180_000);
    }
  }
});
