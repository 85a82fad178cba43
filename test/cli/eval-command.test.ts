import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvalSummary } from '../../src/eval/eval-types.js';
import { buildDist, runOt } from './run-ot.js';

const dir = mkdtempSync(join(tmpdir(), 'ot-eval-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => buildDist());

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const countries = ['France', 'Spain', 'Italy', 'Japan'];
const capitals: Record<string, string> = {
  France: 'Paris',
  Spain: 'Madrid',
  Italy: 'Rome',
  Japan: 'Tokyo',
};

file(
  'qa.ot',
  '---\ninput:\n  country: { type: string }\noutput: answer\n---\nCapital of {{ country }}? << answer = generate_text() >>\n',
);
// good knows all four; bad gets Spain wrong, is chatty on Italy and fails on Japan.
file(
  'good.fake.yaml',
  `replies:\n${countries.map((c) => `  - match: "of ${c}?"\n    reply: "${capitals[c]}"`).join('\n')}\n`,
);
file(
  'bad.fake.yaml',
  [
    'replies:',
    '  - match: "of France?"',
    '    reply: "Paris"',
    '  - match: "of Spain?"',
    '    reply: "Barcelona"',
    '  - match: "of Italy?"',
    '    reply: "It is Rome."',
    '  - match: "of Japan?"',
    '    reply: { error: "the model is down" }',
    '',
  ].join('\n'),
);
file(
  'rows.jsonl',
  countries.map((c) => JSON.stringify({ country: c, capital: capitals[c] })).join('\n'),
);
file(
  'eval.yaml',
  [
    'description: Capitals on two fakes',
    'flow: qa.ot',
    'dataset: rows.jsonl',
    'backends: [fake:good.fake.yaml, fake:bad.fake.yaml]',
    'scorers:',
    '  exact: { equals: "{{ capital }}", output: answer }',
    '  mention: { contains: "{{ capital }}" }',
    '',
  ].join('\n'),
);

describe('ot eval through the CLI', () => {
  it('prints the summary as JSON with the exact means of known answers; a failing row is an error in its cell', async () => {
    const cache = join(dir, 'cache-json');
    const run = await runOt(['eval', join(dir, 'eval.yaml'), '--json', '--cache', cache]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('qa.ot on fake:bad.fake.yaml, row 4#0: OT4004');
    const summary = JSON.parse(run.stdout) as EvalSummary;
    const [good, bad] = summary.cells;
    expect(good).toMatchObject({ backend: 'fake:good.fake.yaml', rows: 4, errors: 0 });
    expect(good!.scores['exact']!.mean).toBe(1);
    expect(bad).toMatchObject({ backend: 'fake:bad.fake.yaml', rows: 4, errors: 1 });
    expect(bad!.scores['exact']!).toMatchObject({ mean: 1 / 3, n: 3 });
    expect(bad!.scores['mention']!).toMatchObject({ mean: 2 / 3, n: 3 });
    expect(good!.calls).toEqual({ made: 4, cached: 0 });
    const exact = summary.comparisons.find((c) => c.scorer === 'exact')!;
    expect(exact).toMatchObject({ n: 3, diff: -2 / 3 });
    expect(exact.sentence).toMatch(/fake:good\.fake\.yaml|no significant difference/);
  });

  it('prints a table (also when not on a terminal) with the comparisons under it, and writes --out lines', async () => {
    const out = join(dir, 'results.jsonl');
    const run = await runOt([
      'eval',
      join(dir, 'eval.yaml'),
      '--cache',
      join(dir, 'cache-json'),
      '--out',
      out,
    ]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^flow\s+backend\s+exact\s+mention\s+errors\s+tokens in\/out\s+cost\s+p50\s+p95\s+calls made\/cached$/,
    );
    expect(lines[2]).toMatch(
      /^qa\.ot\s+fake:good\.fake\.yaml\s+100% \(51–100\)\s+100% \(51–100\)\s+0\/4\s+\d+\/\d+\s+–\s+\d+ ms\s+\d+ ms\s+(0\/4|4\/0)$/,
    );
    expect(lines[3]).toMatch(
      /^qa\.ot\s+fake:bad\.fake\.yaml\s+33% \(6–79\)\s+67% \(21–94\)\s+1\/4 /,
    );
    expect(run.stdout).toContain('Comparisons (paired, 95%):\n  qa.ot: ');
    const results = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(results).toHaveLength(8);
    expect(Object.keys(results[0]!)).toEqual([
      'row',
      'flow',
      'backend',
      'sample',
      'inputs',
      'text',
      'outputs',
      'scores',
      'usage',
      'cost_usd',
      'latency_ms',
    ]);
    expect(results[5]).toMatchObject({
      row: 2,
      backend: 'fake:bad.fake.yaml',
      inputs: { country: 'Spain' },
      outputs: { answer: 'Barcelona' },
      scores: { exact: false, mention: false },
    });
    expect(results[7]).toMatchObject({
      row: 4,
      error: expect.stringContaining('the model is down'),
    });
  });

  it('--backend replaces the eval file backends; --estimate counts runs without calling', async () => {
    const run = await runOt([
      'eval',
      join(dir, 'eval.yaml'),
      '--cache',
      'off',
      '--backend',
      `fake:${join(dir, 'good.fake.yaml')}`,
      '--json',
    ]);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as EvalSummary;
    expect(summary.cells.map((c) => c.scores['exact']!.mean)).toEqual([1]);
    const estimate = await runOt(['eval', join(dir, 'eval.yaml'), '--estimate']);
    expect(estimate.stdout).toContain('8 runs: 1 flows × 2 backends × 4 rows × 1 samples');
    // Calls and tokens come from the dry run of every row on every backend, nothing sent.
    expect(estimate.stdout).toMatch(
      /in all: 8 calls \(0 cached\) · \d+ input and \d+ output tokens to send/,
    );
  });

  it('prints eval-file errors with a code frame and exits 1 before any call', async () => {
    file('bad-eval.yaml', 'flow: qa.ot\ndataset: rows.jsonl\nscorers:\n  exact: { equal: x }\n');
    const run = await runOt(['eval', join(dir, 'bad-eval.yaml'), '--cache', 'off']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'bad-eval.yaml:4:12: error OT2024: invalid eval file: unknown key `equal`',
    );
    expect(run.stderr).toContain('4 |   exact: { equal: x }');
    expect(run.stdout).toBe('');
  });
});

describe('ot eval: Ctrl-C and resume', () => {
  it('stops on SIGINT with 130, and a rerun makes only the calls not made before', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => JSON.stringify({ n: i }));
    file('slow-rows.jsonl', rows.join('\n'));
    file(
      'slow.ot',
      '---\ninput:\n  n: { type: integer }\n---\nEcho {{ n }}: << r = generate_text() >>\n',
    );
    file('slow.fake.yaml', 'latency_ms: 250\ndefault: "ok"\n');
    file(
      'slow-eval.yaml',
      'flow: slow.ot\ndataset: slow-rows.jsonl\nbackends: [fake:slow.fake.yaml]\nscorers:\n  ok: { equals: ok, output: r }\n',
    );
    const cache = join(dir, 'slow-cache');
    const first = join(dir, 'first.trace.jsonl');
    const bin = fileURLToPath(new URL('../../bin/ot.js', import.meta.url));
    const child = spawn(
      process.execPath,
      [
        bin,
        'eval',
        join(dir, 'slow-eval.yaml'),
        '--cache',
        cache,
        '--concurrency',
        '2',
        '--trace',
        first,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Interrupt once some calls have finished and most have not.
    await expect
      .poll(() => (existsSync(first) ? readFileSync(first, 'utf8').split('\n').length - 1 : 0), {
        timeout: 20_000,
        interval: 20,
      })
      .toBeGreaterThanOrEqual(2);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('ot: cancelled');

    const prompts = (path: string, cached: boolean) =>
      readFileSync(path, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { prompt: string; cached: boolean })
        .filter((call) => call.cached === cached)
        .map((call) => call.prompt);
    const madeFirst = prompts(first, false);
    expect(madeFirst.length).toBeGreaterThanOrEqual(2);
    expect(madeFirst.length).toBeLessThan(12);

    const second = join(dir, 'second.trace.jsonl');
    const rerun = await runOt([
      'eval',
      join(dir, 'slow-eval.yaml'),
      '--cache',
      cache,
      '--trace',
      second,
      '--json',
    ]);
    expect(rerun.code).toBe(0);
    const madeSecond = prompts(second, false);
    // Every call made once across both runs: the first run's come from the cache.
    expect(madeSecond.filter((p) => madeFirst.includes(p))).toEqual([]);
    expect(new Set([...madeFirst, ...madeSecond]).size).toBe(12);
    expect(prompts(second, true).sort()).toEqual([...madeFirst].sort());
    const summary = JSON.parse(rerun.stdout) as EvalSummary;
    expect(summary.cells[0]!.scores['ok']!.mean).toBe(1);
  });
});

describe('ot eval: streaming --out', () => {
  it('writes each result line as soon as the earlier ones are, in order; Ctrl-C keeps those written', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => JSON.stringify({ n: i }));
    file('stream-rows.jsonl', rows.join('\n'));
    file(
      'stream.ot',
      '---\ninput:\n  n: { type: integer }\n---\nCount {{ n }}: << r = generate_text() >>\n',
    );
    file('stream.fake.yaml', 'latency_ms: 200\ndefault: "ok"\n');
    file(
      'stream-eval.yaml',
      'flow: stream.ot\ndataset: stream-rows.jsonl\nbackends: [fake:stream.fake.yaml]\nscorers:\n  ok: { equals: ok, output: r }\n',
    );
    const out = join(dir, 'stream-results.jsonl');
    const bin = fileURLToPath(new URL('../../bin/ot.js', import.meta.url));
    const child = spawn(
      process.execPath,
      [
        bin,
        'eval',
        join(dir, 'stream-eval.yaml'),
        '--cache',
        'off',
        '--concurrency',
        '1',
        '--out',
        out,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let exitCode: number | null | undefined;
    const exited = new Promise<number | null>((resolve) =>
      child.on('close', (code) => {
        exitCode = code;
        resolve(code);
      }),
    );
    const lines = () =>
      existsSync(out) ? readFileSync(out, 'utf8').split('\n').filter(Boolean) : [];
    // Lines appear while the eval is still running (one call at a time, 12 calls).
    await expect
      .poll(() => lines().length, { timeout: 20_000, interval: 20 })
      .toBeGreaterThanOrEqual(2);
    expect(exitCode).toBeUndefined();
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const written = lines().map((line) => JSON.parse(line) as { row: number; scores: unknown });
    expect(written.length).toBeGreaterThanOrEqual(2);
    expect(written.length).toBeLessThan(12);
    expect(written.map((r) => r.row)).toEqual(written.map((_, i) => i + 1));
    expect(written[0]!.scores).toEqual({ ok: true });
  });
});

describe('samples/eval', () => {
  it('runs offline with real differences, and a rerun makes no call', async () => {
    const cache = join(dir, 'sample-cache');
    const args = ['eval', 'samples/eval/eval.yaml', '--cache', cache, '--json'];
    const first = await runOt(args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout) as EvalSummary;
    expect(summary.cells.map((c) => [c.flow, c.backend, c.rows, c.errors])).toEqual([
      ['qa.ot', 'strong', 40, 0],
      ['qa.ot', 'weak', 40, 0],
      ['qa-terse.ot', 'strong', 40, 0],
      ['qa-terse.ot', 'weak', 40, 0],
    ]);
    expect(summary.cells.map((c) => c.scores['exact']!.mean)).toEqual([
      39 / 40,
      31 / 40,
      35 / 40,
      22 / 40,
    ]);
    expect(summary.comparisons.some((c) => c.verdict !== 'none')).toBe(true);
    expect(summary.cells.every((c) => c.calls.made > 0)).toBe(true);
    const again = JSON.parse((await runOt(args)).stdout) as EvalSummary;
    expect(again.cells.map((c) => c.calls.made)).toEqual([0, 0, 0, 0]);
    expect(again.cells.map((c) => c.scores)).toEqual(summary.cells.map((c) => c.scores));
  });
});
