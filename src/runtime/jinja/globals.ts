import nunjucksGlobals from 'nunjucks/src/globals.js';

/**
 * The root-scope values every template sees: nunjucks' `range(start?, stop, step?)`,
 * `cycler(…items)` (an object with `next()`, `reset()` and `current`) and `joiner(sep?)`,
 * fresh for each render. As in nunjucks' `Context.lookup`, a context variable of the same
 * name hides a global.
 */
export function createGlobals(): Record<string, (...args: unknown[]) => unknown> {
  return nunjucksGlobals();
}
