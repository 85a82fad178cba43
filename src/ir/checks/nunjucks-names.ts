import { filterNames } from '../../runtime/jinja/filters.js';
import { testNames } from '../../runtime/jinja/is-tests.js';

/** nunjucks' built-in filters: the runtime's own table, so the check and the runtime cannot drift. */
export const nunjucksFilterNames: ReadonlySet<string> = new Set(filterNames());

/** nunjucks' built-in tests (`is odd`, `is defined`, `is none` …), from the runtime's table. */
export const nunjucksTestNames: ReadonlySet<string> = new Set(testNames());

/** The globals every template sees: nunjucks' three and ot's `image`. */
export const nunjucksGlobalNames: readonly string[] = ['range', 'cycler', 'joiner', 'image'];
