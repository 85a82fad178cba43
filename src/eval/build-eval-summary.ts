import type {
  CellRef,
  EvalCell,
  EvalComparison,
  EvalResultRow,
  EvalSummary,
  ScoreSummary,
  ScoreValue,
} from './eval-types.js';
import { meanWithInterval } from './stats/mean-interval.js';
import { comparePaired, type ScorePair } from './stats/paired-comparison.js';
import { latencyPercentiles } from './stats/percentile.js';

/**
 * The eval's summary from its result rows: one cell per flow × backend (in order of first
 * appearance) and, for each scorer, a paired comparison of every two cells that share a flow or a
 * backend (the earlier cell is A). Failed results count in `errors` and are left out of the
 * scores; results are paired by row and sample.
 */
export function buildEvalSummary(
  results: readonly EvalResultRow[],
  scorerNames: readonly string[],
): EvalSummary {
  const groups = groupByCell(results);
  const cells = groups.map((group) => summarizeCell(group, scorerNames));
  const comparisons: EvalComparison[] = [];
  for (const scorer of scorerNames) {
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i]!;
        const b = groups[j]!;
        if (a.ref.flow !== b.ref.flow && a.ref.backend !== b.ref.backend) continue;
        const paired = comparePaired(scorer, shortLabels(a.ref, b.ref), pairScores(a, b, scorer));
        comparisons.push({ ...paired, a: a.ref, b: b.ref });
      }
    }
  }
  return { cells, comparisons };
}

/** The key that pairs results across cells. */
export function resultKey(result: Pick<EvalResultRow, 'row' | 'sample'>): string {
  return `${result.row}#${result.sample}`;
}

/** A score as a number: true is 1, false is 0; null when the scorer did not score. */
export function scoreNumber(value: ScoreValue | undefined): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return Number.isFinite(value) ? value : null;
}

interface CellGroup {
  ref: CellRef;
  results: EvalResultRow[];
}

function groupByCell(results: readonly EvalResultRow[]): CellGroup[] {
  const groups = new Map<string, CellGroup>();
  for (const result of results) {
    const key = JSON.stringify([result.flow, result.backend]);
    let group = groups.get(key);
    if (group === undefined) {
      group = { ref: { flow: result.flow, backend: result.backend }, results: [] };
      groups.set(key, group);
    }
    group.results.push(result);
  }
  return [...groups.values()];
}

function summarizeCell(group: CellGroup, scorerNames: readonly string[]): EvalCell {
  const ok = group.results.filter((result) => !failed(result));
  const scores: Record<string, ScoreSummary> = {};
  for (const scorer of scorerNames) {
    const values = ok.flatMap((result) => {
      const value = scoreNumber(result.scores[scorer]);
      return value === null ? [] : [value];
    });
    const summary = meanWithInterval(values);
    if (summary !== null) scores[scorer] = summary;
  }
  let input = 0;
  let output = 0;
  let cost: number | null = null;
  let made = 0;
  let cached = 0;
  const latencies: number[] = [];
  for (const result of group.results) {
    input += result.usage?.input_tokens ?? 0;
    output += result.usage?.output_tokens ?? 0;
    if (typeof result.cost_usd === 'number') cost = (cost ?? 0) + result.cost_usd;
    if (typeof result.latency_ms === 'number') latencies.push(result.latency_ms);
    for (const call of result.calls) {
      if (call.cached) cached++;
      else made++;
    }
  }
  return {
    ...group.ref,
    rows: group.results.length,
    errors: group.results.length - ok.length,
    scores,
    usage: { input_tokens: input, output_tokens: output },
    cost_usd: cost,
    latency_ms: latencyPercentiles(latencies),
    calls: { made, cached },
  };
}

function failed(result: EvalResultRow): boolean {
  return result.error !== undefined && result.error !== null;
}

function pairScores(a: CellGroup, b: CellGroup, scorer: string): ScorePair[] {
  const bScores = new Map<string, number>();
  for (const result of b.results) {
    const value = failed(result) ? null : scoreNumber(result.scores[scorer]);
    if (value !== null) bScores.set(resultKey(result), value);
  }
  const pairs: ScorePair[] = [];
  for (const result of a.results) {
    const value = failed(result) ? null : scoreNumber(result.scores[scorer]);
    const key = resultKey(result);
    const other = bScores.get(key);
    if (value !== null && other !== undefined) pairs.push({ key, a: value, b: other });
  }
  return pairs;
}

/** Names that tell two cells apart: the backends when the flows are equal, and so on. */
function shortLabels(a: CellRef, b: CellRef): { a: string; b: string } {
  if (a.flow === b.flow) return { a: a.backend, b: b.backend };
  if (a.backend === b.backend) return { a: a.flow, b: b.flow };
  return { a: `${a.flow} × ${a.backend}`, b: `${b.flow} × ${b.backend}` };
}
