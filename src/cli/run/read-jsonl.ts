import { createReadStream } from 'node:fs';

/** One row of an `--inputs` file: its inputs, or why the line could not be read. */
export type InputRow =
  { line: number; inputs: Record<string, unknown> } | { line: number; error: string };

/**
 * Reads a JSON Lines file of input objects one row at a time, in chunks, so a file of any length
 * is read in bounded memory: blank lines are skipped, a bad line is an error row.
 */
export async function* streamInputRows(path: string): AsyncGenerator<InputRow, void, undefined> {
  let line = 0;
  for await (const text of streamLines(path)) {
    line++;
    if (text.trim() === '') continue;
    yield parseInputLine(path, text, line);
  }
}

/** Counts the rows `streamInputRows` will give (for a progress line), in bounded memory. */
export async function countInputRows(path: string): Promise<number> {
  let count = 0;
  for await (const text of streamLines(path)) if (text.trim() !== '') count++;
  return count;
}

/** The file's lines (split at `\n` or `\r\n`), the last one even without a newline. */
async function* streamLines(path: string): AsyncGenerator<string, void, undefined> {
  let pending = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
    const lines = (pending + (chunk as string)).split('\n');
    pending = lines.pop()!;
    for (const text of lines) yield text.endsWith('\r') ? text.slice(0, -1) : text;
  }
  yield pending;
}

function parseInputLine(path: string, text: string, line: number): InputRow {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { line, error: `${path}:${line}: each line must be a JSON object of inputs` };
    }
    return { line, inputs: value as Record<string, unknown> };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { line, error: `${path}:${line}: invalid JSON (${reason})` };
  }
}
