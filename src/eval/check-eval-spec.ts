import { isAbsolute, resolve } from 'node:path';
import {
  checkInteger,
  checkKnownKeys,
  checkRecord,
  checkString,
  quoteKey,
  reportMissing,
} from '../config/check-values.js';
import { describeValue, type KeyPath, type Problem } from '../config/problems.js';
import type { JsonSchema } from '../ir/ir.js';
import type { Span } from '../source/span.js';
import {
  SCORER_KINDS,
  type CheckedEval,
  type CheckedScorer,
  type ScorerFunction,
  type ScorerKind,
} from './eval-spec.js';

const TOP_KEYS = ['description', 'flow', 'flows', 'dataset', 'backends', 'repeat', 'scorers'];
const SCORER_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Validates an eval (a parsed eval file or `evaluate`'s spec) against the eval file's shape,
 * reporting every problem at once; relative paths resolve against `dir`. Returns null when a
 * problem was found. `spanOf` finds a key path's place in the file, for the scorers' spans.
 */
export function checkEvalSpec(
  value: unknown,
  path: string,
  dir: string,
  spanOf: (keyPath: KeyPath) => Span,
  problems: Problem[],
): CheckedEval | null {
  const before = problems.length;
  const top = checkRecord(value ?? {}, [], problems);
  if (!top) return null;
  checkKnownKeys(top, [], TOP_KEYS, problems);
  const description =
    top.description === undefined ? null : checkString(top.description, ['description'], problems);
  const flows = checkFlows(top, dir, problems);
  const dataset = checkDataset(top.dataset, dir, spanOf, problems);
  const backends = checkBackends(top.backends, dir, problems);
  const repeat = top.repeat === undefined ? 1 : checkInteger(top.repeat, ['repeat'], problems, 1);
  const scorers = checkScorers(top.scorers, dir, spanOf, problems);
  if (problems.length > before || dataset === null) return null;
  return { path, description, flows, dataset, backends, repeat: repeat ?? 1, scorers };
}

function checkFlows(
  top: Record<string, unknown>,
  dir: string,
  problems: Problem[],
): CheckedEval['flows'] {
  if (top.flow !== undefined && top.flows !== undefined) {
    problems.push({ path: ['flows'], message: 'write `flow` or `flows`, not both', at: 'key' });
    return [];
  }
  if (top.flow === undefined && top.flows === undefined) {
    reportMissing([], 'flows', problems);
    return [];
  }
  const names =
    top.flow !== undefined
      ? [checkString(top.flow, ['flow'], problems)]
      : checkStringList(top.flows, ['flows'], problems);
  return names.flatMap((name) => (name === null ? [] : [{ name, path: resolve(dir, name) }]));
}

function checkDataset(
  value: unknown,
  dir: string,
  spanOf: (keyPath: KeyPath) => Span,
  problems: Problem[],
): CheckedEval['dataset'] | null {
  if (value === undefined) {
    reportMissing([], 'dataset', problems);
    return null;
  }
  if (Array.isArray(value)) {
    const rows = value.filter((row, index) => checkRecord(row, ['dataset', index], problems));
    return { rows: rows as Record<string, unknown>[] };
  }
  const file = checkString(value, ['dataset'], problems);
  return file === null ? null : { path: resolve(dir, file), span: spanOf(['dataset']) };
}

function checkBackends(value: unknown, dir: string, problems: Problem[]): CheckedEval['backends'] {
  if (value === undefined) return [];
  return checkStringList(value, ['backends'], problems).flatMap((name) =>
    name === null ? [] : [{ name, spec: resolveFakePath(name, dir) }],
  );
}

/** `fake:PATH` with PATH made absolute against `dir`; any other backend name as it is. */
export function resolveFakePath(name: string, dir: string): string {
  if (!name.startsWith('fake:') || isAbsolute(name.slice(5))) return name;
  return `fake:${resolve(dir, name.slice(5))}`;
}

function checkScorers(
  value: unknown,
  dir: string,
  spanOf: (keyPath: KeyPath) => Span,
  problems: Problem[],
): CheckedScorer[] {
  if (value === undefined || value === null) return [];
  const record = checkRecord(value, ['scorers'], problems);
  if (!record) return [];
  const scorers: CheckedScorer[] = [];
  for (const [name, entry] of Object.entries(record)) {
    const path = ['scorers', name];
    if (!SCORER_NAME.test(name)) {
      problems.push({
        path,
        message: `scorer name \`${name}\` must be letters, digits, \`_\` or \`-\` (not starting with a digit)`,
        at: 'key',
      });
      continue;
    }
    const scorer = checkScorer(name, entry, path, dir, problems);
    if (scorer) scorers.push({ ...scorer, span: spanOf(path) });
  }
  return scorers;
}

function checkScorer(
  name: string,
  entry: unknown,
  path: KeyPath,
  dir: string,
  problems: Problem[],
): Omit<CheckedScorer, 'span'> | null {
  const record = checkRecord(entry, path, problems);
  if (!record) return null;
  checkKnownKeys(record, path, [...SCORER_KINDS, 'output'], problems);
  const kinds = SCORER_KINDS.filter((kind) => record[kind] !== undefined);
  if (kinds.length !== 1) {
    problems.push({
      path,
      message:
        kinds.length === 0
          ? `${quoteKey(path)} needs one of: ${SCORER_KINDS.join(', ')}`
          : `${quoteKey(path)} has ${kinds.join(' and ')}; a scorer is exactly one of them`,
      at: 'value',
    });
    return null;
  }
  const kind = kinds[0]!;
  const output =
    record.output === undefined ? null : checkString(record.output, [...path, 'output'], problems);
  const scorerValue = checkScorerValue(kind, record[kind], [...path, kind], dir, problems);
  if (scorerValue === null) return null;
  return { name, kind, value: scorerValue, output };
}

function checkScorerValue(
  kind: ScorerKind,
  value: unknown,
  path: KeyPath,
  dir: string,
  problems: Problem[],
): CheckedScorer['value'] | null {
  switch (kind) {
    case 'equals':
    case 'contains':
    case 'regex':
      // Numbers and booleans are fine to compare with: `equals: 4` means the text "4".
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return checkString(value, path, problems);
    case 'json_schema':
      if (typeof value === 'string' && value !== '') return value;
      return checkRecord(value, path, problems) as JsonSchema | null;
    case 'flow': {
      const file = checkString(value, path, problems);
      return file === null ? null : resolve(dir, file);
    }
    case 'js': {
      if (typeof value === 'function') return value as ScorerFunction;
      const ref = checkString(value, path, problems);
      if (ref === null) return null;
      const hash = ref.lastIndexOf('#');
      const file = hash < 0 ? ref : ref.slice(0, hash);
      return `${resolve(dir, file)}${hash < 0 ? '' : ref.slice(hash)}`;
    }
  }
}

function checkStringList(value: unknown, path: KeyPath, problems: Problem[]): (string | null)[] {
  if (typeof value === 'string') return [checkString(value, path, problems)];
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({
      path,
      message: `${quoteKey(path)} must be a non-empty list of names, not ${describeValue(value)}`,
      at: 'value',
    });
    return [];
  }
  return value.map((item, index) => checkString(item, [...path, index], problems));
}
