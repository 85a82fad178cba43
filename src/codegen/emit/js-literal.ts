/**
 * A JavaScript expression for a plain data value: JSON, except the numbers JSON cannot spell
 * and `undefined`. Used for literals, front matter, the plan and spans in generated code.
 */
export function jsLiteral(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return jsNumber(value);
  if (typeof value === 'string') return jsString(value);
  if (value === null || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(jsLiteral).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([key, item]) => `${jsKey(key)}: ${jsLiteral(item)}`,
  );
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/** A string literal; line and paragraph separators escaped too (older engines reject them raw). */
export function jsString(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** An object key: bare when it is a plain identifier (never `__proto__`, which would set the prototype). */
export function jsKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) && key !== '__proto__' ? key : `[${jsString(key)}]`;
}

function jsNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  return Object.is(value, -0) ? '-0' : String(value);
}
