import type { EvalComparison } from '../eval-types.js';
import { bootstrapMeanInterval } from './bootstrap-interval.js';
import { exactPairedInterval } from './exact-paired-interval.js';
import { exactMcNemar } from './mcnemar.js';
import { isPassFail } from './mean-interval.js';
import { mean } from './mean.js';
import { verdictSentence } from './verdict-sentence.js';

/** One result that both cells scored: its key (row and sample) and the two scores. */
export interface ScorePair {
  key: string;
  a: number;
  b: number;
}

/** What a paired comparison reports; the builder adds which cells were compared. */
export type PairedComparison = Omit<EvalComparison, 'a' | 'b'>;

/** The significance level of every verdict. */
export const ALPHA = 0.05;

/**
 * Compares B with A over the results they share. The difference is mean(B − A). For pass/fail
 * scores the verdict comes from the exact McNemar test (p < 0.05), the interval is the exact one
 * that agrees with it (exact-paired-interval.ts), and the flipped results are listed; for other
 * scores the interval is a seeded paired bootstrap, significant when it excludes 0.
 */
export function comparePaired(
  scorer: string,
  labels: { a: string; b: string },
  pairs: readonly ScorePair[],
): PairedComparison {
  const flips = { a_pass_b_fail: [] as string[], a_fail_b_pass: [] as string[] };
  if (pairs.length === 0) {
    const empty = { n: 0, mean_a: null, mean_b: null, diff: null, ci95: null, mcnemar: null };
    const result = { scorer, labels, ...empty, flips, verdict: 'none' as const };
    return { ...result, sentence: verdictSentence({ ...result, sentence: '' }, true) };
  }
  const as = pairs.map((pair) => pair.a);
  const bs = pairs.map((pair) => pair.b);
  const differences = pairs.map((pair) => pair.b - pair.a);
  const diff = mean(differences);
  const passFail = isPassFail(as) && isPassFail(bs);
  let ci95: [number, number];
  let mcnemar: PairedComparison['mcnemar'] = null;
  let significant: boolean;
  if (passFail) {
    for (const pair of pairs) {
      if (pair.a > pair.b) flips.a_pass_b_fail.push(pair.key);
      if (pair.a < pair.b) flips.a_fail_b_pass.push(pair.key);
    }
    const aOnly = flips.a_pass_b_fail.length;
    const bOnly = flips.a_fail_b_pass.length;
    mcnemar = { a_only: aOnly, b_only: bOnly, p_value: exactMcNemar(aOnly, bOnly) };
    ci95 = exactPairedInterval(aOnly, bOnly, pairs.length);
    significant = mcnemar.p_value < ALPHA;
  } else {
    ci95 = bootstrapMeanInterval(differences);
    significant = ci95[0] > 0 || ci95[1] < 0;
  }
  const verdict = !significant || diff === 0 ? 'none' : diff > 0 ? 'b' : 'a';
  const result: PairedComparison = {
    scorer,
    labels,
    n: pairs.length,
    mean_a: mean(as),
    mean_b: mean(bs),
    diff,
    ci95,
    mcnemar,
    flips,
    verdict,
    sentence: '',
  };
  const unitIsPoints = [...as, ...bs].every((value) => value >= 0 && value <= 1);
  return { ...result, sentence: verdictSentence(result, unitIsPoints) };
}
