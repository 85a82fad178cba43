/**
 * `options` over `defaults`, where an option set to `null` or `undefined` takes the default
 * (LANGUAGE.md §6: `none` means "the default"), and neither side passes on an empty value.
 */
export function withDefaults<T extends object>(defaults: T, options: T): T {
  const merged: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(defaults)) if (value != null) merged[name] = value;
  for (const [name, value] of Object.entries(options)) if (value != null) merged[name] = value;
  return merged as T;
}
