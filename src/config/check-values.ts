import { describeValue, formatKeyPath, type KeyPath, type Problem } from './problems.js';

/** Validators for plain values parsed from YAML; each reports problems and returns null on error. */

/** A mapping (plain object), or null after reporting what it is instead. */
export function checkRecord(
  value: unknown,
  path: KeyPath,
  problems: Problem[],
): Record<string, unknown> | null {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  problems.push({
    path,
    message: `${quoteKey(path)} must be a mapping of keys to values, not ${describeValue(value)}`,
    at: 'value',
  });
  return null;
}

/**
 * Reports every key of `record` that is not in `allowed`, listing the allowed ones; `hint` may
 * add advice for a key that is a common mistake.
 */
export function checkKnownKeys(
  record: Record<string, unknown>,
  path: KeyPath,
  allowed: readonly string[],
  problems: Problem[],
  hint: (key: string) => string | null = () => null,
): void {
  for (const key of Object.keys(record)) {
    if (allowed.includes(key)) continue;
    const where = path.length === 0 ? '' : ` in ${quoteKey(path)}`;
    problems.push({
      path: [...path, key],
      message:
        hint(key) ?? `unknown key \`${key}\`${where}; expected one of: ${allowed.join(', ')}`,
      at: 'key',
    });
  }
}

/** Reports a missing key of a mapping. */
export function reportMissing(path: KeyPath, key: string, problems: Problem[]): void {
  const where = path.length === 0 ? 'the file' : quoteKey(path);
  problems.push({ path, message: `${where} is missing the required key \`${key}\``, at: 'key' });
}

/** A non-empty string. */
export function checkString(value: unknown, path: KeyPath, problems: Problem[]): string | null {
  if (typeof value === 'string' && value !== '') return value;
  problems.push({
    path,
    message: `${quoteKey(path)} must be a non-empty string, not ${describeValue(value)}`,
    at: 'value',
  });
  return null;
}

/** A boolean. */
export function checkBoolean(value: unknown, path: KeyPath, problems: Problem[]): boolean | null {
  if (typeof value === 'boolean') return value;
  problems.push({
    path,
    message: `${quoteKey(path)} must be true or false, not ${describeValue(value)}`,
    at: 'value',
  });
  return null;
}

/** A whole number of at least `min`. */
export function checkInteger(
  value: unknown,
  path: KeyPath,
  problems: Problem[],
  min: number,
): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min) return value;
  problems.push({
    path,
    message: `${quoteKey(path)} must be a whole number ≥ ${min}, not ${describeValue(value)}`,
    at: 'value',
  });
  return null;
}

/** A finite number in [min, max]. */
export function checkNumber(
  value: unknown,
  path: KeyPath,
  problems: Problem[],
  min: number,
  max = Infinity,
): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) {
    return value;
  }
  const range = max === Infinity ? `≥ ${min}` : `between ${min} and ${max}`;
  problems.push({
    path,
    message: `${quoteKey(path)} must be a number ${range}, not ${describeValue(value)}`,
    at: 'value',
  });
  return null;
}

/** The key path in backticks, as messages name it. */
export function quoteKey(path: KeyPath): string {
  return path.length === 0 ? 'the file' : `\`${formatKeyPath(path)}\``;
}
