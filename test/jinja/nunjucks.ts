import nunjucks from 'nunjucks';

/** The reference: nunjucks with autoescape off and its other defaults (LANGUAGE.md §3). */
const env = new nunjucks.Environment(null, { autoescape: false });

/** Renders `source` with nunjucks itself. */
export function renderNunjucks(source: string, context: Record<string, unknown> = {}): string {
  return env.renderString(source, context);
}

/** Renders with nunjucks, giving `{ error }` instead of throwing. */
export function tryRenderNunjucks(
  source: string,
  context: Record<string, unknown> = {},
): { text: string } | { error: string } {
  try {
    return { text: env.renderString(source, context) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs `fn`, giving `{ error }` instead of throwing, in the shape of tryRenderNunjucks. */
export function tryRun(fn: () => string): { text: string } | { error: string } {
  try {
    return { text: fn() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** A sample of template values of every kind the runtime meets (named for test titles). */
export const sampleValues: Record<string, unknown> = {
  undefined: undefined,
  null: null,
  true: true,
  false: false,
  zero: 0,
  negZero: -0,
  int: 7,
  negative: -3,
  float: 2.5,
  tiny: 0.1,
  big: 1e21,
  nan: NaN,
  infinity: Infinity,
  emptyString: '',
  string: 'Hello',
  numericString: '12',
  zeroString: '0',
  spaces: '  a b  ',
  emptyList: [],
  list: [1, 2, 3],
  nestedList: [1, [2, null], undefined, 'x'],
  stringList: ['b', 'a', 'C'],
  emptyObject: {},
  object: { a: 1, b: 'two' },
  nestedObject: { a: { b: [1, 2] } },
};
