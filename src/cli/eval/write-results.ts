import { writeFileSync } from 'node:fs';
import type { EvalResultRow } from '../../eval/eval-types.js';

/**
 * `--out`: one JSON line per row × flow × backend × sample, in that order, without the calls
 * (the report has them): row, flow, backend, sample, inputs, text, outputs, scores, usage,
 * cost_usd, latency_ms, and error when it failed.
 */
export function writeResultLines(path: string, results: readonly EvalResultRow[]): void {
  const lines = results.map((result) => {
    const { calls: _calls, error, ...rest } = result;
    return JSON.stringify(error === undefined || error === null ? rest : { ...rest, error });
  });
  writeFileSync(path, lines.length > 0 ? `${lines.join('\n')}\n` : '');
}
