import type { TraceLine } from './report-data.js';

/** A trace file read line by line: the calls, and the lines that were not trace objects. */
export interface ParsedTrace {
  lines: TraceLine[];
  problems: Array<{ line: number; message: string }>;
}

/** Reads a `--trace` JSON-lines file; blank lines are skipped, bad lines reported by number. */
export function parseTraceLines(text: string): ParsedTrace {
  const parsed: ParsedTrace = { lines: [], problems: [] };
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      parsed.problems.push({ line: index + 1, message: `not JSON: ${message}` });
      return;
    }
    const record = value as Partial<TraceLine> | null;
    if (
      typeof record !== 'object' ||
      record === null ||
      typeof record.start_ms !== 'number' ||
      typeof record.end_ms !== 'number'
    ) {
      parsed.problems.push({ line: index + 1, message: 'not a trace line (no start_ms/end_ms)' });
      return;
    }
    parsed.lines.push(record as TraceLine);
  });
  return parsed;
}
