import nunjucksGlobals from 'nunjucks/src/globals.js';
import { hideSource } from './function-text.js';
import { imageGlobal } from './template-image.js';

type Global = (...args: unknown[]) => unknown;

/**
 * The root-scope values every template sees: nunjucks' `range(start?, stop, step?)`,
 * `cycler(…items)` (an object with `next()`, `reset()` and `current`) and `joiner(sep?)`,
 * fresh for each render, and ot's `image(source, media_type=none)`. As in nunjucks' `Context.lookup`, a context variable of the same
 * name hides a global. The store has no prototype and each function renders as
 * FUNCTION_TEXT (the sandbox: no name reaches `Object`, no source is printed).
 */
export function createGlobals(): Record<string, Global> {
  const globals = Object.create(null) as Record<string, Global>;
  for (const [name, fn] of Object.entries(nunjucksGlobals() as Record<string, Global>)) {
    globals[name] = hideSource(function global(this: unknown, ...args: unknown[]): unknown {
      const result = fn.apply(this, args);
      // `joiner()` returns a function: it must not print its source either.
      return typeof result === 'function' ? hideSource(result as Global) : result;
    });
  }
  globals.image = imageGlobal as Global;
  return globals;
}
