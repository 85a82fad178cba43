import type { RunResult } from '../../runtime/run-program.js';

/** What `ot run` prints without `--json`: the text, or the front matter's `output` value. */
export function formatPlainResult(result: RunResult, hasOutput: boolean): string {
  if (!hasOutput) return result.text;
  return typeof result.result === 'string' ? result.result : JSON.stringify(result.result, null, 2);
}

/** What `--json` prints for one run. */
export function formatJsonResult(result: RunResult): string {
  return JSON.stringify({ text: result.text, outputs: result.outputs });
}

/** A one-line description of an error for JSON lines and tables. */
export function errorSummary(error: unknown): string {
  if (error instanceof Error && 'diagnostics' in error) {
    return (error as { diagnostics: { code: string; message: string }[] }).diagnostics
      .map((d) => `${d.code}: ${d.message}`)
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
