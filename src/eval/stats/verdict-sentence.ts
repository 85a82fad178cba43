import type { PairedComparison } from './paired-comparison.js';

/**
 * The comparison in plain English, from the winner's side when there is one:
 * "gpt beats claude on exact: +12 points (95% CI +4 … +20), 9 rows flip" or
 * "no significant difference on exact between claude and gpt (+2 points, 95% CI -4 … +8,
 * p = 0.51), 3 rows flip". Scores in [0, 1] are shown in points (× 100).
 */
export function verdictSentence(comparison: PairedComparison, unitIsPoints: boolean): string {
  const { scorer, labels, diff, ci95 } = comparison;
  if (diff === null || ci95 === null) {
    return `no results shared between ${labels.a} and ${labels.b} on ${scorer}`;
  }
  const flips = flipCount(comparison);
  const flipText = flips === null ? '' : `, ${flips} ${flips === 1 ? 'row flips' : 'rows flip'}`;
  const unit = unitIsPoints ? ' points' : '';
  const show = (value: number) => signed(unitIsPoints ? value * 100 : value, unitIsPoints);
  if (comparison.verdict === 'none') {
    const p = comparison.mcnemar === null ? '' : `, ${formatP(comparison.mcnemar.p_value)}`;
    return (
      `no significant difference on ${scorer} between ${labels.a} and ${labels.b} ` +
      `(${show(diff)}${unit}, 95% CI ${show(ci95[0])} … ${show(ci95[1])}${p})${flipText}`
    );
  }
  // Seen from the winner: B − A when B wins, A − B (the interval mirrored) when A wins.
  const bWins = comparison.verdict === 'b';
  const [winner, loser] = bWins ? [labels.b, labels.a] : [labels.a, labels.b];
  const [gain, lo, hi] = bWins ? [diff, ci95[0], ci95[1]] : [-diff, -ci95[1], -ci95[0]];
  return (
    `${winner} beats ${loser} on ${scorer}: ${show(gain)}${unit} ` +
    `(95% CI ${show(lo)} … ${show(hi)})${flipText}`
  );
}

function flipCount(comparison: PairedComparison): number | null {
  if (comparison.mcnemar === null) return null;
  return comparison.flips.a_pass_b_fail.length + comparison.flips.a_fail_b_pass.length;
}

function signed(value: number, whole: boolean): string {
  const text = whole ? String(Math.round(value)) : String(Number(value.toPrecision(3)));
  // Rounding can give "-0"; a difference of zero has no sign.
  if (Number(text) === 0) return '0';
  return value > 0 ? `+${text}` : text;
}

function formatP(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${Number(p.toPrecision(2))}`;
}
