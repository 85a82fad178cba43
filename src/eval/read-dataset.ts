import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseCsv } from './parse-csv.js';

/** A dataset's rows, or why the file cannot be read as one. */
export type DatasetRead =
  { ok: true; rows: Record<string, unknown>[] } | { ok: false; reason: string };

/**
 * Reads a dataset by its extension: `.jsonl` (one JSON object a line, blank lines skipped),
 * `.json` (an array of objects), `.yaml`/`.yml` (a list of mappings) or `.csv` (a header line,
 * then one row a line; every value is text). Every row must be an object.
 */
export function readDataset(path: string): DatasetRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no such file' : describe(error) };
  }
  try {
    return checkRows(parseByExtension(text, extname(path).toLowerCase()));
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
}

function parseByExtension(text: string, extension: string): unknown[] {
  switch (extension) {
    case '.jsonl':
    case '.ndjson':
      return text.split('\n').flatMap((line, index) => {
        if (line.trim() === '') return [];
        try {
          return [JSON.parse(line) as unknown];
        } catch (error) {
          throw new Error(`line ${index + 1} is not JSON: ${describe(error)}`);
        }
      });
    case '.json':
      return asList(JSON.parse(text), 'a JSON array');
    case '.yaml':
    case '.yml':
      return asList(parseYaml(text) ?? [], 'a YAML list');
    case '.csv':
      return parseCsv(text);
    default:
      throw new Error(
        `unknown dataset format \`${extension || '(none)'}\`; use .jsonl, .json, .yaml, .yml or .csv`,
      );
  }
}

function asList(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`expected ${what} of rows`);
  return value;
}

function checkRows(values: unknown[]): DatasetRead {
  const index = values.findIndex((v) => v === null || typeof v !== 'object' || Array.isArray(v));
  if (index >= 0) {
    return { ok: false, reason: `row ${index + 1} is not an object of fields` };
  }
  if (values.length === 0) return { ok: false, reason: 'it has no rows' };
  return { ok: true, rows: values as Record<string, unknown>[] };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
