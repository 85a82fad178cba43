/** Reads `body.a.b[0]…` from an untyped JSON body; undefined where the shape differs. */
export function pick(body: unknown, ...path: (string | number)[]): unknown {
  let value = body;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}
