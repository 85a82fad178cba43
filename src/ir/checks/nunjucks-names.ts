import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** nunjucks' built-in filters, read from nunjucks itself so the list cannot drift. */
export const nunjucksFilterNames: ReadonlySet<string> = new Set(
  Object.keys(require('nunjucks/src/filters') as object),
);

/** nunjucks' built-in tests (`is odd`, `is defined`, …). */
export const nunjucksTestNames: ReadonlySet<string> = new Set(
  Object.keys(require('nunjucks/src/tests') as object),
);

/** The globals every nunjucks template sees. */
export const nunjucksGlobalNames: readonly string[] = ['range', 'cycler', 'joiner'];
