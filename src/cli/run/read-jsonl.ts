import { readFileSync } from 'node:fs';

/** One row of an `--inputs` file: its inputs, or why the line could not be read. */
export type InputRow =
  { line: number; inputs: Record<string, unknown> } | { line: number; error: string };

/** Reads a JSON Lines file of input objects; blank lines are skipped, a bad line is an error row. */
export function readInputRows(path: string): InputRow[] {
  const rows: InputRow[] = [];
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  lines.forEach((text, index) => {
    if (text.trim() === '') return;
    const line = index + 1;
    try {
      const value = JSON.parse(text) as unknown;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        rows.push({ line, error: `${path}:${line}: each line must be a JSON object of inputs` });
      } else {
        rows.push({ line, inputs: value as Record<string, unknown> });
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      rows.push({ line, error: `${path}:${line}: invalid JSON (${reason})` });
    }
  });
  return rows;
}
