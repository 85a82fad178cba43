import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runOt } from '../cli/run-ot.js';

const dir = mkdtempSync(join(tmpdir(), 'ot-large-stage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("`ot compile` of a stage of 1,500 calls summarises, in each call's comment, the calls it runs with", async () => {
  const lines: string[] = [];
  for (let i = 0; i < 1500; i++) lines.push(`<< a${i} = generate_text("q${i}") >>`);
  const flow = join(dir, 'many.ot');
  writeFileSync(flow, `${lines.join('\n')}\n`);
  const out = join(dir, 'many.mjs');
  const run = await runOt(['compile', flow, '-o', out]);
  expect(run.code, run.stderr).toBe(0);
  const module = readFileSync(out, 'utf8');
  expect(module).toContain(
    '// c1: generate_text, stage 1, with c2, c3, c4 and 1496 more; waits for nothing',
  );
  // Each comment names three others: the module grows with the calls, not their square.
  expect(module.length).toBeLessThan(1500 * 2000);
});
