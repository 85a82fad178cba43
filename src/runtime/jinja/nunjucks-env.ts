import nunjucksFilters from 'nunjucks/src/filters.js';
import nunjucksTests from 'nunjucks/src/tests.js';

/** A filter or test implementation as nunjucks stores it. */
export type NunjucksFunction = (this: unknown, ...args: unknown[]) => unknown;

/** nunjucks' built-in filters by name; a null-prototype table so `constructor` is no filter. */
export const filterTable: Readonly<Record<string, NunjucksFunction>> = ownEntries(nunjucksFilters);

/** nunjucks' built-in `is` tests by name. */
export const testTable: Readonly<Record<string, NunjucksFunction>> = ownEntries(nunjucksTests);

/**
 * The stand-in for the `this` nunjucks gives filters, tests and called functions (its render
 * `Context`). nunjucks' filters read only `this.env`: `opts.throwOnUndefined` (groupby, sort)
 * and `getTest` (select, reject). The options are nunjucks' defaults with autoescape off, as
 * LANGUAGE.md §3 prescribes; the lookups fail with nunjucks' own messages.
 */
export const nunjucksContext = {
  env: {
    opts: {
      autoescape: false,
      throwOnUndefined: false,
      trimBlocks: false,
      lstripBlocks: false,
      dev: false,
    },
    getFilter(name: string): NunjucksFunction {
      const filter = filterTable[name];
      if (!filter) throw new Error(`filter not found: ${name}`);
      return filter;
    },
    getTest(name: string): NunjucksFunction {
      const test = testTable[name];
      if (!test) throw new Error(`test not found: ${name}`);
      return test;
    },
  },
};

function ownEntries(module: Record<string, NunjucksFunction>): Record<string, NunjucksFunction> {
  const table = Object.create(null) as Record<string, NunjucksFunction>;
  for (const name of Object.keys(module)) {
    if (typeof module[name] === 'function') table[name] = module[name];
  }
  return Object.freeze(table);
}
