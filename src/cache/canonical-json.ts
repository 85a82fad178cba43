/**
 * Canonical JSON: one text per JSON value, whatever order its object members were built in.
 *
 * Cache keys hash this text, so two encodings of the same value must never differ (sorted
 * keys at every depth) and two different values must never share one (anything JSON cannot
 * represent faithfully is refused instead of being silently turned into `{}` or `null`, which
 * would make different calls share a cache entry).
 */
export function canonicalJson(value: unknown): string {
  try {
    // Every model call's key goes through here: first without building member paths.
    return encode(value, null, new Set());
  } catch (error) {
    if (error !== UNENCODABLE) throw error;
    // Only a value that cannot be encoded pays for the path that names where.
    return encode(value, '$', new Set());
  }
}

/** Thrown on the fast path, where no path is tracked; the caller re-encodes to name the place. */
const UNENCODABLE = new Error('canonicalJson: unencodable value');

/** A member path like `$.args.stop[0]`, or null on the fast path. */
type Path = string | null;

function encode(value: unknown, path: Path, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // JSON.stringify prints the shortest text that round-trips (ECMA-262 Number::toString),
      // which is already stable; -0 prints as 0, the same number in JSON.
      if (!Number.isFinite(value)) throw refuse(`the number ${String(value)}`, path);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return encodeObject(value, path, ancestors);
    case 'undefined':
      // Object members that are undefined are dropped before we get here; a bare undefined
      // (the whole value, or an array element) has no JSON spelling of its own.
      throw refuse('undefined', path);
    case 'bigint':
      throw refuse(`the bigint ${String(value)}n`, path);
    case 'function':
      throw refuse('a function', path);
    case 'symbol':
      throw refuse('a symbol', path);
  }
}

function encodeObject(value: object, path: Path, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw refuse('a cycle (the value contains itself)', path);
  // Boxed strings, and nunjucks' SafeString, which inherits from String.prototype.
  if (value instanceof String) return JSON.stringify(String(value));
  if (value instanceof Number || value instanceof Boolean) {
    return encode(value.valueOf(), path, ancestors);
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const items: string[] = [];
      for (let index = 0; index < value.length; index += 1) {
        // Holes and undefined elements print as null, as JSON.stringify does, so an array
        // keeps its length and positions.
        const item: unknown = value[index];
        items.push(
          item === undefined
            ? 'null'
            : encode(item, path === null ? null : `${path}[${index}]`, ancestors),
        );
      }
      return `[${items.join(',')}]`;
    }
    const toJson = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJson === 'function') {
      // Dates and other values that say how they are spelled in JSON.
      return encode(toJson.call(value), path, ancestors);
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw refuse(`a ${name} (only plain objects and arrays are JSON)`, path);
    }
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    // Default sort compares UTF-16 code units: deterministic and locale-independent.
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      members.push(`${JSON.stringify(key)}:${encode(member, memberPath(path, key), ancestors)}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

function memberPath(path: Path, key: string): Path {
  if (path === null) return null;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function refuse(what: string, path: Path): Error {
  if (path === null) return UNENCODABLE;
  return new TypeError(`canonicalJson: cannot encode ${what} at ${path}`);
}
