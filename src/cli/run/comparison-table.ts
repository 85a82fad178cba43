import type { RunResult } from '../../runtime/run-program.js';

/** One cell of the comparison: a row's result on one backend. */
export type ComparisonCell = { ok: true; value: string } | { ok: false; error: string };

/**
 * What a backend's cell shows: the front matter's `output` value when it names one, else the
 * bound names (`city: Menton, mayor: Yves Juhel`) — what differs between backends, not the
 * prompt text they share — and the text only for a flow that binds nothing.
 */
export function comparisonValue(result: RunResult, hasOutput: boolean): string {
  if (hasOutput) return show(result.result);
  const names = Object.entries(result.outputs);
  if (names.length === 0) return result.text;
  return names.map(([name, value]) => `${name}: ${show(value)}`).join(', ');
}

function show(value: unknown): string {
  return typeof value === 'string' ? value.trim() : JSON.stringify(value);
}

/**
 * The side-by-side table of `--backend a --backend b` on a terminal: one line per input row,
 * one column per backend, long values cut to fit the width.
 */
export function formatComparisonTable(
  backends: readonly string[],
  rows: readonly { label: string; cells: readonly ComparisonCell[] }[],
  width: number,
): string {
  const labelWidth = Math.min(12, Math.max(3, ...rows.map((row) => row.label.length)));
  const columnWidth = Math.max(
    12,
    Math.floor((width - labelWidth - 3 * backends.length) / Math.max(1, backends.length)),
  );
  const line = (label: string, cells: readonly string[]) =>
    [fit(label, labelWidth), ...cells.map((cell) => fit(cell, columnWidth))].join(' │ ');
  const out = [
    line('row', backends),
    ['─'.repeat(labelWidth), ...backends.map(() => '─'.repeat(columnWidth))].join('─┼─'),
  ];
  for (const row of rows) {
    out.push(
      line(
        row.label,
        row.cells.map((cell) => (cell.ok ? cell.value : `✗ ${cell.error}`)),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

function fit(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width);
}
