import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist, runOt } from './run-ot.js';

const dir = mkdtempSync(join(tmpdir(), 'ot-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => buildDist());

/** The JSON data the page embeds. */
function embedded(html: string): { kind: string; title: string; calls: unknown[] } {
  const match = /<script type="application\/json" id="ot-data">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(match![1]!) as { kind: string; title: string; calls: unknown[] };
}

describe('ot report', () => {
  it('turns the trace of a real run into a self-contained page', async () => {
    const trace = join(dir, 'run.jsonl');
    const traced = await runOt([
      'run',
      'test/fixtures/runtime/chain/flow.ot',
      '--input',
      'country=France',
      '--backend',
      'fake:fake.yaml',
      '--cache',
      'off',
      '--trace',
      trace,
    ]);
    expect(traced.code).toBe(0);
    const lines = readFileSync(trace, 'utf8').trim().split('\n');
    const result = await runOt(['report', trace, '--title', 'Chain']);
    expect(result.stderr).toBe(`ot: wrote ${join(dir, 'run.html')} (${lines.length} calls)\n`);
    expect(result.code).toBe(0);
    const html = readFileSync(join(dir, 'run.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    const data = embedded(html);
    expect(data.kind).toBe('trace');
    expect(data.title).toBe('Chain');
    expect(data.calls).toEqual(lines.map((line) => JSON.parse(line)));
  });

  it('skips bad lines with their numbers and writes where -o says', async () => {
    const trace = join(dir, 'mixed.jsonl');
    const call = { builtin: 'llm', backend: 'fake', cached: false, start_ms: 0, end_ms: 3 };
    writeFileSync(trace, `${JSON.stringify(call)}\nnot json\n`);
    const out = join(dir, 'custom.html');
    const result = await runOt(['report', trace, '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^ot: ${trace}:2: skipped: not JSON`));
    expect(result.stderr).toContain(`ot: wrote ${out} (1 call)`);
    expect(embedded(readFileSync(out, 'utf8')).calls).toEqual([call]);
  });

  it('fails on a missing or empty trace', async () => {
    const missing = await runOt(['report', join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^ot: error: cannot read .*nope\.jsonl/);
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '\n');
    const none = await runOt(['report', empty]);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(`ot: error: ${empty} has no trace lines\n`);
  });
});
