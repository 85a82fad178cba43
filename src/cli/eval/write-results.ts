import { closeSync, openSync, writeSync } from 'node:fs';
import type { EvalResultRow } from '../../eval/eval-types.js';

/**
 * `--out`: one JSON line per result, written as each result is given (in the order flow,
 * backend, row, sample), without the calls (the report has them): row, flow, backend, sample,
 * inputs, text, outputs, scores, usage, cost_usd, latency_ms, and error when it failed. The
 * file is created (emptied) when the writer is, so a run cut short keeps the lines of the
 * results that finished before it.
 */
export class ResultLineWriter {
  private readonly fd: number;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  /** Appends one result's line. */
  write(result: EvalResultRow): void {
    const { calls: _calls, error, ...rest } = result;
    const line = JSON.stringify(error === undefined || error === null ? rest : { ...rest, error });
    writeSync(this.fd, `${line}\n`);
  }

  /** Closes the file. */
  close(): void {
    closeSync(this.fd);
  }
}
