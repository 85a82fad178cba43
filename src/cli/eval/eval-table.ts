import type { EvalCell, EvalSummary, ScoreSummary } from '../../eval/eval-types.js';

/**
 * The summary as plain text: one line per flow × backend — each scorer's mean with its 95%
 * interval, errors, tokens, cost, p50/p95 latency, calls made/cached — then each comparison's
 * sentence. Columns are padded to their widest value; no colour, so it reads the same in a
 * terminal, a pipe or a CI log.
 */
export function formatEvalTable(summary: EvalSummary, scorerNames: readonly string[]): string {
  const header = [
    'flow',
    'backend',
    ...scorerNames,
    'errors',
    'tokens in/out',
    'cost',
    'p50',
    'p95',
    'calls made/cached',
  ];
  const lines = summary.cells.map((cell) => [
    cell.flow,
    cell.backend,
    ...scorerNames.map((name) => formatScore(cell.scores[name])),
    `${cell.errors}/${cell.rows}`,
    formatTokens(cell),
    formatCost(cell.cost_usd),
    formatMs(cell.latency_ms.p50),
    formatMs(cell.latency_ms.p95),
    `${cell.calls.made}/${cell.calls.cached}`,
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i]!.length)),
  );
  // Text columns (flow, backend) align left, figures right.
  const row = (cells: string[]) =>
    cells
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [row(header), widths.map((w) => '─'.repeat(w)).join('  '), ...lines.map(row)];
  // The sentence names only what differs; the prefix says what the two cells share.
  const sentences = summary.comparisons.map((c) => {
    const shared =
      c.a.flow === c.b.flow
        ? `${c.a.flow}: `
        : c.a.backend === c.b.backend
          ? `on ${c.a.backend}: `
          : '';
    return `  ${shared}${c.sentence}`;
  });
  if (sentences.length > 0) out.push('', 'Comparisons (paired, 95%):', ...sentences);
  return `${out.join('\n')}\n`;
}

/** `83% (71–91)`: the mean and its 95% interval in percent; `–` when nothing was scored. */
export function formatScore(score: ScoreSummary | undefined): string {
  if (!score) return '–';
  const pct = (value: number) => Math.round(value * 100);
  return `${pct(score.mean)}% (${pct(score.ci95[0])}–${pct(score.ci95[1])})`;
}

function formatTokens(cell: EvalCell): string {
  return `${cell.usage.input_tokens}/${cell.usage.output_tokens}`;
}

function formatCost(cost: number | null): string {
  if (cost === null) return '–';
  if (cost === 0) return '$0';
  return `$${cost < 0.01 ? cost.toPrecision(2) : cost.toFixed(2)}`;
}

function formatMs(value: number | null): string {
  if (value === null) return '–';
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}
