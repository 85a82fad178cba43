import { createReadStream } from 'node:fs';

/** One row of an `--inputs` file: its inputs, or why the line could not be read. */
export type InputRow =
  { line: number; inputs: Record<string, unknown> } | { line: number; error: string };

/**
 * Reads a JSON Lines file of input objects one row at a time, in chunks, so a file of any length
 * is read in bounded memory: blank lines are skipped, a bad line is an error row. The rows of a
 * chunk already read are handed out at once (not one async generator step each), so rows start
 * as close together as when the whole file was read first — and identical calls of different
 * rows still meet in flight.
 */
export function streamInputRows(path: string): AsyncIterableIterator<InputRow> {
  const lines = streamLines(path)[Symbol.asyncIterator]();
  let buffered: InputRow[] = [];
  let next = 0;
  let line = 0;
  const take = (): IteratorResult<InputRow> => ({ value: buffered[next++]!, done: false });
  const iterator: AsyncIterableIterator<InputRow> = {
    next: async () => {
      if (next < buffered.length) return take();
      buffered = [];
      next = 0;
      for (;;) {
        const chunk = await lines.next();
        if (chunk.done) return { value: undefined, done: true };
        for (const text of chunk.value) {
          line++;
          if (text.trim() !== '') buffered.push(parseInputLine(path, text, line));
        }
        if (buffered.length > 0) return take();
      }
    },
    return: async () => {
      await lines.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** Counts the rows `streamInputRows` will give (for a progress line), in bounded memory. */
export async function countInputRows(path: string): Promise<number> {
  let count = 0;
  for await (const lines of streamLines(path))
    for (const text of lines) if (text.trim() !== '') count++;
  return count;
}

/** The file's lines (split at `\n` or `\r\n`) chunk by chunk, the last even without a newline. */
async function* streamLines(path: string): AsyncGenerator<string[], void, undefined> {
  let pending = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
    const lines = (pending + (chunk as string)).split('\n');
    pending = lines.pop()!;
    yield lines.map((text) => (text.endsWith('\r') ? text.slice(0, -1) : text));
  }
  yield [pending];
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
