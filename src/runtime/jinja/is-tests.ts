import { errorReason, JinjaError } from './jinja-error.js';
import { type NunjucksFunction, nunjucksContext, testTable } from './nunjucks-env.js';

/** True when `name` can follow `is` (nunjucks' tests, plus `none`). */
export function hasTest(name: string): boolean {
  return resolveTest(name) !== undefined;
}

/** The names `is` accepts, sorted. */
export function testNames(): string[] {
  return [...Object.keys(testTable), 'none'].sort();
}

/**
 * `value is name(args)`, as nunjucks compiles it: `env.getTest(name).call(context, value,
 * …args) === true`, so a test that returns a truthy non-boolean counts as false. nunjucks
 * spells `is none` as the `null` test (the parser stringifies the `none` literal), so both names
 * work here. An unknown test is OT2010; an error inside the test (`5 is lower`) is OT4010.
 */
export function applyTest(name: string, value: unknown, args: readonly unknown[]): boolean {
  const test = resolveTest(name);
  if (test === undefined) throw new JinjaError('OT2010', { name });
  try {
    if (args.length === 0) return test.call(nunjucksContext, value) === true;
    return test.call(nunjucksContext, value, ...args) === true;
  } catch (error) {
    throw new JinjaError('OT4010', { name, reason: errorReason(error) }, { cause: error });
  }
}

function resolveTest(name: string): NunjucksFunction | undefined {
  return testTable[name === 'none' ? 'null' : name];
}
