// The keys `__proto__` and `constructor` (also spelled with \u escapes) followed by a colon.
const SUSPECT_PROTO =
  /"(?:_|\\u005[Ff])(?:_|\\u005[Ff])(?:p|\\u0070)(?:r|\\u0072)(?:o|\\u006[Ff])(?:t|\\u0074)(?:o|\\u006[Ff])(?:_|\\u005[Ff])(?:_|\\u005[Ff])"\s*:/;
const SUSPECT_CONSTRUCTOR =
  /"(?:c|\\u0063)(?:o|\\u006[Ff])(?:n|\\u006[Ee])(?:s|\\u0073)(?:t|\\u0074)(?:r|\\u0072)(?:u|\\u0075)(?:c|\\u0063)(?:t|\\u0074)(?:o|\\u006[Ff])(?:r|\\u0072)"\s*:/;

/**
 * JSON.parse that refuses objects with a `__proto__` key or a `constructor.prototype`, as the AI
 * SDK's `secureJsonParse` does with every response body (so the direct path accepts the same
 * bodies). The scan runs only when the text has such a key, which replies almost never do.
 */
export function secureJsonParse(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object') return value;
  if (!SUSPECT_PROTO.test(text) && !SUSPECT_CONSTRUCTOR.test(text)) return value;
  let next: object[] = [value];
  while (next.length > 0) {
    const nodes = next;
    next = [];
    for (const node of nodes) {
      if (Object.hasOwn(node, '__proto__')) {
        throw new SyntaxError('Object contains forbidden prototype property');
      }
      const ctor: unknown = (node as Record<string, unknown>).constructor;
      if (
        Object.hasOwn(node, 'constructor') &&
        ctor !== null &&
        typeof ctor === 'object' &&
        Object.hasOwn(ctor, 'prototype')
      ) {
        throw new SyntaxError('Object contains forbidden prototype property');
      }
      for (const key in node) {
        const child: unknown = (node as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') next.push(child);
      }
    }
  }
  return value;
}
