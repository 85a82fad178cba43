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

/** Calls of one result: those that reached a backend, and those answered by the cache. */
export interface CallCounts {
  made: number;
  cached: number;
}

/**
 * Gathers what the eval's summary needs from results as they come, and nothing else: per cell
 * the sums (results, errors, tokens, cost, calls), the latencies, and each scored result's key
 * and scores for the means and the pairing. A result's texts, outputs and calls are not kept,
 * so an eval of many rows summarizes in memory of a few numbers per result.
 */
export class EvalSummaryBuilder {
  private readonly cells = new Map<string, CellTally>();

  constructor(private readonly scorerNames: readonly string[]) {}

  /** Counts one result; `calls` are its calls (judges' included). */
  add(result: EvalResultRow, calls: CallCounts): void {
    const key = JSON.stringify([result.flow, result.backend]);
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = newTally({ flow: result.flow, backend: result.backend });
      this.cells.set(key, cell);
    }
    cell.rows++;
    cell.input += result.usage?.input_tokens ?? 0;
    cell.output += result.usage?.output_tokens ?? 0;
    if (typeof result.cost_usd === 'number') cell.cost = (cell.cost ?? 0) + result.cost_usd;
    if (typeof result.latency_ms === 'number') cell.latencies.push(result.latency_ms);
    cell.made += calls.made;
    cell.cached += calls.cached;
    if (result.error !== undefined && result.error !== null) {
      cell.errors++;
      return;
    }
    cell.scored.push({
      key: resultKey(result),
      scores: this.scorerNames.map((name) => scoreNumber(result.scores[name])),
    });
  }

  /**
   * The summary: one cell per flow × backend (in order of first result) and, for each scorer,
   * a paired comparison of every two cells that share a flow or a backend (the earlier is A).
   */
  build(): EvalSummary {
    const tallies = [...this.cells.values()];
    const cells = tallies.map((tally) => this.summarizeCell(tally));
    const comparisons: EvalComparison[] = [];
    this.scorerNames.forEach((scorer, s) => {
      for (let i = 0; i < tallies.length; i++) {
        for (let j = i + 1; j < tallies.length; j++) {
          const a = tallies[i]!;
          const b = tallies[j]!;
          if (a.ref.flow !== b.ref.flow && a.ref.backend !== b.ref.backend) continue;
          const paired = comparePaired(scorer, shortLabels(a.ref, b.ref), pairScores(a, b, s));
          comparisons.push({ ...paired, a: a.ref, b: b.ref });
        }
      }
    });
    return { cells, comparisons };
  }

  private summarizeCell(tally: CellTally): EvalCell {
    const scores: Record<string, ScoreSummary> = {};
    this.scorerNames.forEach((scorer, s) => {
      const values: number[] = [];
      for (const entry of tally.scored) {
        const value = entry.scores[s];
        if (value !== null && value !== undefined) values.push(value);
      }
      const summary = meanWithInterval(values);
      if (summary !== null) scores[scorer] = summary;
    });
    return {
      ...tally.ref,
      rows: tally.rows,
      errors: tally.errors,
      scores,
      usage: { input_tokens: tally.input, output_tokens: tally.output },
      cost_usd: tally.cost,
      latency_ms: latencyPercentiles(tally.latencies),
      calls: { made: tally.made, cached: tally.cached },
    };
  }
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

/** A result that did not fail: its pairing key and its scores in the scorers' order. */
interface ScoredEntry {
  key: string;
  scores: (number | null)[];
}

interface CellTally {
  ref: CellRef;
  rows: number;
  errors: number;
  input: number;
  output: number;
  cost: number | null;
  made: number;
  cached: number;
  latencies: number[];
  scored: ScoredEntry[];
}

function newTally(ref: CellRef): CellTally {
  return {
    ref,
    rows: 0,
    errors: 0,
    input: 0,
    output: 0,
    cost: null,
    made: 0,
    cached: 0,
    latencies: [],
    scored: [],
  };
}

function pairScores(a: CellTally, b: CellTally, scorer: number): ScorePair[] {
  const bScores = new Map<string, number>();
  for (const entry of b.scored) {
    const value = entry.scores[scorer];
    if (value !== null && value !== undefined) bScores.set(entry.key, value);
  }
  const pairs: ScorePair[] = [];
  for (const entry of a.scored) {
    const value = entry.scores[scorer];
    const other = bScores.get(entry.key);
    if (value !== null && value !== undefined && other !== undefined) {
      pairs.push({ key: entry.key, a: value, b: other });
    }
  }
  return pairs;
}

/** Names that tell two cells apart: the backends when the flows are equal, and so on. */
function shortLabels(a: CellRef, b: CellRef): { a: string; b: string } {
  if (a.flow === b.flow) return { a: a.backend, b: b.backend };
  if (a.backend === b.backend) return { a: a.flow, b: b.flow };
  return { a: `${a.flow} × ${a.backend}`, b: `${b.flow} × ${b.backend}` };
}
