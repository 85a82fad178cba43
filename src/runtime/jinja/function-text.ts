/**
 * What a function renders as, wherever a template turns one into text (`{{ f }}`, `~`,
 * `| string`, `| join`): never its source, which would show the engine's code and invite
 * `Function`-based tricks.
 */
export const FUNCTION_TEXT = '[function]';

const hiddenSource = {
  value: function toString(): string {
    return FUNCTION_TEXT;
  },
  enumerable: false,
  writable: false,
  configurable: false,
};

/**
 * Gives a function the engine hands to templates (a global, a macro, a bound method) an own
 * `toString`, so that JavaScript's own conversions (`'' + f`, `[f].join()`) print
 * FUNCTION_TEXT instead of its source. Returns `fn`.
 */
export function hideSource<F extends (...args: never[]) => unknown>(fn: F): F {
  Object.defineProperty(fn, 'toString', hiddenSource);
  return fn;
}
