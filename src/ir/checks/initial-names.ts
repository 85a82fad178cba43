import type { CheckContext } from './check.js';
import { nunjucksGlobalNames } from './nunjucks-names.js';

/** The names bound before the body starts: inputs, nunjucks globals, and what an includer binds. */
export function initialNames(ctx: CheckContext): string[] {
  return [...Object.keys(ctx.meta.inputs), ...nunjucksGlobalNames, ...ctx.ambientNames];
}
