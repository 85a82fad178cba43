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
