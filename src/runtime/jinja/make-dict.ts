/**
 * A dict literal `{k: v, …}` from alternating keys and values, keys converted to strings. Every
 * key is an own property, `"__proto__"` included: unlike nunjucks, whose object literal sets the
 * dict's prototype from it (a recorded divergence), a dict literal never changes a prototype.
 */
export function makeDict(parts: readonly unknown[]): Record<string, unknown> {
  const dict: Record<string, unknown> = {};
  for (let i = 0; i < parts.length; i += 2) {
    const key = String(parts[i]);
    if (key === '__proto__') {
      Object.defineProperty(dict, key, {
        value: parts[i + 1],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else dict[key] = parts[i + 1];
  }
  return dict;
}
