// Usage and cost through the CLI: the trace's fields, the closing summary, a replay's savings.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDist, runOt } from './run-ot.js';

beforeAll(() => buildDist());

// cl100k_base: "Southernmost city in France?" is 6 tokens; the rule gives its own usage.
const flow = [
  '---',
  'backend: priced',
  '---',
  "<< city = generate_text(prompt='Southernmost city in France?') >>",
  "<< more = generate_text(prompt='A long story') >>",
].join('\n');
const fake = [
  'replies:',
  '  - match: France',
  '    reply: Menton',
  '  - match: story',
  '    reply: Once upon a time',
  '    usage: {input: 1000, output: 500}',
].join('\n');
const config = [
  'backends:',
  '  priced:',
  '    provider: fake',
  '    file: fake.yaml',
  '    price: {input: 3, output: 15}',
].join('\n');

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ot-usage-'));
  writeFileSync(join(dir, 'flow.ot'), flow);
  writeFileSync(join(dir, 'fake.yaml'), fake);
  writeFileSync(join(dir, 'ot.config.yaml'), config);
  return dir;
}

function traceOf(dir: string): Record<string, unknown>[] {
  // In prompt order ("A long story" first): the two calls run at once.
  return readFileSync(join(dir, 't.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .sort((a, b) => String(a.prompt).localeCompare(String(b.prompt)));
}

describe('usage and cost in ot run', () => {
  it('traces usage and cost_usd, and --summary ends with calls, tokens and cost', async () => {
    const dir = project();
    const args = ['run', 'flow.ot', '--trace', 't.jsonl', '--summary', '--cache', 'cache'];
    const first = await runOt(args, { cwd: dir });
    expect(first.code).toBe(0);
    // 6 in + 2 out ("Menton") = 6×3 + 2×15 = 48 µ$; 1000×3 + 500×15 = 10 500 µ$.
    expect(traceOf(dir).map((e) => [e.cached, e.usage, e.cost_usd, e.saved_usd])).toEqual([
      [false, { input_tokens: 1000, output_tokens: 500 }, 0.0105, undefined],
      [false, { input_tokens: 6, output_tokens: 2 }, 0.000048, undefined],
    ]);
    expect(first.stderr).toMatch(
      /^ot: 2 calls: 2 made, 0 cached · tokens: 1006 in, 502 out · cost \$0\.011 · \d+\.\ds\n$/,
    );

    // The replay costs nothing and says what the cache saved.
    const second = await runOt(args, { cwd: dir });
    expect(traceOf(dir).map((e) => [e.cached, e.cost_usd, e.saved_usd])).toEqual([
      [true, 0, 0.0105],
      [true, 0, 0.000048],
    ]);
    expect(second.stderr).toMatch(
      /^ot: 2 calls: 0 made, 2 cached · tokens: 0 in, 0 out \(cached: 1006 in, 502 out\) · cost \$0, the cache saved \$0\.011 · \d+\.\ds\n$/,
    );
  });

  it('prints no summary of a single run on a pipe without --summary', async () => {
    const dir = project();
    const result = await runOt(['run', 'flow.ot', '--cache', 'off'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('the --inputs summary adds tokens and cost', async () => {
    const dir = project();
    writeFileSync(join(dir, 'rows.jsonl'), '{}\n{}\n');
    const result = await runOt(['run', 'flow.ot', '--inputs', 'rows.jsonl', '--cache', 'off'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    // The second row's calls join the first row's: made once, cached once.
    expect(result.stderr).toMatch(
      /^ot: 2 rows: 2 ok, 0 failed · 4 calls: 2 made, 2 cached · tokens: 1006 in, 502 out \(cached: 1006 in, 502 out\) · cost \$0\.011, the cache saved \$0\.011 · \d+\.\ds\n$/,
    );
  });
});
