/** Where a value sits in a settings file: keys of mappings and indexes of lists. */
export type KeyPath = readonly (string | number)[];

/** One thing wrong with a settings file, found by a validator before spans are known. */
export interface Problem {
  path: KeyPath;
  message: string;
  /** Point at the key itself (an unknown key) rather than at its value. */
  at: 'key' | 'value';
}

/** Spells a key path as users write it: `backends.gpt.defaults`, `replies[2].match`. */
export function formatKeyPath(path: KeyPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text === '' ? 'the top level' : text;
}

/** Describes a value in an error message without dumping it whole. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    return value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
  }
  return String(value);
}
