/**
 * JSON indented by two spaces, except that an object or array whose one-line form fits in
 * `width` columns stays on one line: diffs of goldens and generated modules stay short.
 */
export function compactJson(value: unknown, width = 100): string {
  return write(value, '', width);
}

function write(value: unknown, indent: string, width: number): string {
  const flat = JSON.stringify(value);
  if (flat === undefined) return 'null';
  if (value === null || typeof value !== 'object' || indent.length + flat.length <= width)
    return spaced(value) ?? flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${write(item, inner, width)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, item]) => item !== undefined,
  );
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${write(item, inner, width)}`).join(',\n')}\n${indent}}`;
}

/** The one-line form with a space after `:` and `,`, as people write JSON. */
function spaced(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => spaced(item) ?? 'null').join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, item]) => item !== undefined,
  );
  return `{ ${entries.map(([key, item]) => `${JSON.stringify(key)}: ${spaced(item)}`).join(', ')} }`.replace(
    '{  }',
    '{}',
  );
}
