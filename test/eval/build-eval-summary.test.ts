import { describe, expect, it } from 'vitest';
import { buildEvalSummary } from '../../src/eval/build-eval-summary.js';
import type { EvalResultRow, ScoreValue } from '../../src/eval/eval-types.js';
import type { TraceLine } from '../../src/report/report-data.js';

function call(cached: boolean): TraceLine {
  return {
    builtin: 'generate_text',
    prompt: 'p',
    messages: null,
    args: {},
    result: 'r',
    cached,
    sample: '0',
    backend: 'b',
    start_ms: 0,
    end_ms: 1,
    location: 'a.ot:1:1',
  };
}

function result(
  backend: string,
  row: number,
  scores: Record<string, ScoreValue>,
  extra: Partial<EvalResultRow> = {},
): EvalResultRow {
  return {
    row,
    flow: 'qa',
    backend,
    sample: 0,
    inputs: { q: `question ${row}` },
    text: 'answer',
    outputs: {},
    scores,
    usage: { input_tokens: 10, output_tokens: 2 },
    cost_usd: 0.001,
    latency_ms: 100 * (row + 1),
    calls: [call(false)],
    ...extra,
  };
}

describe('buildEvalSummary', () => {
  const results: EvalResultRow[] = [
    // claude: exact 1, 0, 1, (error) → 2/3; f1 0.5, 0.25, 1 → 0.58333…
    result('claude', 0, { exact: true, f1: 0.5 }),
    result('claude', 1, { exact: false, f1: 0.25 }, { calls: [call(false), call(true)] }),
    result('claude', 2, { exact: 1, f1: 1 }, { cost_usd: null }),
    result('claude', 3, { exact: true, f1: 1 }, { error: 'timeout', usage: null }),
    // gpt: exact 1, 1, 1, 0 → 3/4; f1 null on row 3 (not scored) → (1 + 0.75 + 1) / 3
    result('gpt', 0, { exact: true, f1: 1 }),
    result('gpt', 1, { exact: true, f1: 0.75 }, { calls: [call(true)] }),
    result('gpt', 2, { exact: true, f1: 1 }),
    result('gpt', 3, { exact: false, f1: null }),
    // Another flow on another backend: compared with neither (nothing in common).
    result('llama', 0, { exact: true }, { flow: 'rag' }),
  ];
  const summary = buildEvalSummary(results, ['exact', 'f1']);

  it('summarizes each flow × backend in order of appearance', () => {
    expect(summary.cells.map((c) => [c.flow, c.backend, c.rows, c.errors])).toEqual([
      ['qa', 'claude', 4, 1],
      ['qa', 'gpt', 4, 0],
      ['rag', 'llama', 1, 0],
    ]);
    const [claude, gpt] = summary.cells;
    expect(claude!.scores['exact']).toMatchObject({ mean: 2 / 3, n: 3, method: 'wilson' });
    expect(claude!.scores['f1']).toMatchObject({ mean: 1.75 / 3, n: 3, method: 'bootstrap' });
    expect(gpt!.scores['exact']).toMatchObject({ mean: 0.75, n: 4, method: 'wilson' });
    expect(gpt!.scores['f1']!.mean).toBeCloseTo(2.75 / 3, 12);
    expect(gpt!.scores['f1']!.n).toBe(3);
    // Failed rows' usage still counts (it was spent); a null usage counts as nothing.
    expect(claude!.usage).toEqual({ input_tokens: 30, output_tokens: 6 });
    expect(claude!.cost_usd).toBeCloseTo(0.003, 12);
    expect(claude!.latency_ms.p50).toBe(250);
    expect(claude!.latency_ms.p95).toBeCloseTo(385, 9);
    expect(claude!.calls).toEqual({ made: 4, cached: 1 });
    expect(gpt!.calls).toEqual({ made: 3, cached: 1 });
    expect(summary.cells[2]!.scores['f1']).toBeUndefined();
  });

  it('compares cells that share a flow or a backend, pairing rows both scored', () => {
    expect(summary.comparisons.map((c) => [c.scorer, c.labels.a, c.labels.b, c.n])).toEqual([
      ['exact', 'claude', 'gpt', 3],
      ['f1', 'claude', 'gpt', 3],
    ]);
    const exact = summary.comparisons[0]!;
    expect(exact.a).toEqual({ flow: 'qa', backend: 'claude' });
    expect(exact.mean_a).toBe(2 / 3);
    expect(exact.mean_b).toBe(1);
    expect(exact.flips).toEqual({ a_pass_b_fail: [], a_fail_b_pass: ['1#0'] });
    expect(exact.verdict).toBe('none');
    expect(exact.sentence).toMatch(/^no significant difference on exact between claude and gpt/);
    const f1 = summary.comparisons[1]!;
    expect(f1.diff).toBeCloseTo(1 / 3, 12); // rows 0, 1, 2: +0.5, +0.5, 0
    expect(f1.mcnemar).toBeNull();
  });

  it('labels cells by flow when the backend is shared', () => {
    const flows = buildEvalSummary(
      [result('gpt', 0, { exact: true }), result('gpt', 0, { exact: false }, { flow: 'rag' })],
      ['exact'],
    );
    expect(flows.comparisons[0]!.labels).toEqual({ a: 'qa', b: 'rag' });
  });
});
