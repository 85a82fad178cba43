import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { run, template } from '../../src/index.js';
import { FORBIDDEN_NAMES } from '../../src/runtime/jinja/index.js';
import { expectPrototypesUntouched, outcomeOf } from './outcome.js';

afterEach(expectPrototypesUntouched);

/** Where a chain starts: every global, loop, caller, macro, filter result and literal kind. */
const starts = [
  'range',
  'range(3)',
  'cycler',
  'cycler(1, 2)',
  'joiner',
  'joiner()',
  'loop',
  'caller',
  'm',
  'm()',
  '([] | list)',
  '("" | string)',
  '("a" | safe)',
  '{"a": 1}',
  '"abc"',
  '42',
  '3.5',
  'true',
  '[1, 2]',
  'host',
];

/** Names from the forbidden list and from the built-in prototypes templates could reach. */
const names = [
  ...new Set([
    ...FORBIDDEN_NAMES,
    'call',
    'apply',
    'bind',
    'caller',
    'arguments',
    'name',
    ...[Object, Function, Array, String, Number, Boolean, Object.prototype, Function.prototype]
      .concat([Array.prototype, String.prototype, Number.prototype])
      .flatMap((o) => Object.getOwnPropertyNames(o)),
  ]),
];

const step = fc.oneof(
  fc.constantFrom(...names).map((n) => `.${n}`),
  fc.constantFrom(...names).map((n) => `[${JSON.stringify(n)}]`),
  fc.constantFrom('()', '("return process")', '(1)', '("constructor")'),
  fc.constantFrom(' | string', ' | list', ' | first', ' | join', ' | dump', ' | sort'),
);

const chain = fc
  .tuple(fc.constantFrom(...starts), fc.array(step, { minLength: 1, maxLength: 5 }))
  .map(([start, steps]) =>
    steps.reduce((expr, s) => (s.startsWith(' |') ? `(${expr}${s})` : `${expr}${s}`), start),
  );

/** Wraps `expr` so that `loop`, `caller` and `m` are in scope, handing its value to `probe`. */
function wrap(expr: string): string {
  return (
    '{% macro m(x=1) %}{{ caller() if caller }}{% endmacro %}' +
    `{% macro c() %}{% for _ in [1] %}{{ probe(${expr}) }}{% endfor %}{% endmacro %}` +
    '{% call c() %}x{% endcall %}'
  );
}

const builtinPrototypes = new Set<unknown>(
  [Object, Function, Array, String, Number, Boolean].map((c) => c.prototype),
);

/** A value a template may hold: plain data, or a callable the engine made (it prints as [function]). */
function expectHarmless(value: unknown): void {
  expect(value).not.toBe(process);
  expect(value).not.toBe(globalThis);
  expect(builtinPrototypes.has(value)).toBe(false);
  if (typeof value === 'function') {
    expect(value).not.toBe(Function);
    expect(String(value)).toBe('[function]');
  }
}

const runs = Number(process.env.OT_SECURITY_RUNS ?? 300);
const seed = Number(process.env.OT_SECURITY_SEED ?? 20261206);

describe('generated member chains from every global', () => {
  it('give an error or a harmless value, never a Function, process or a polluted prototype', async () => {
    await fc.assert(
      fc.asyncProperty(chain, async (expr) => {
        const seen: unknown[] = [];
        const inputs = {
          host: { greet: () => 'hi', data: { n: 1 } },
          probe: (value: unknown) => {
            seen.push(value);
            return '';
          },
        };
        const outcome = await outcomeOf(async () => {
          const compiled = template(wrap(expr), { path: 'generated.ot' });
          return (await run(compiled.run(inputs))).text;
        });
        for (const value of seen) expectHarmless(value);
        const text = outcome.ok ? outcome.text : outcome.error;
        expect(text).not.toMatch(/function\s*\w*\s*\(|=>|\[native code\]/);
        if (outcome.ok) expect(text).not.toMatch(/\bprocess\b|\broot\b/);
        expectPrototypesUntouched();
      }),
      { numRuns: runs, seed },
    );
  });

  it('renders the value itself as text without a function source', async () => {
    await fc.assert(
      fc.asyncProperty(chain, async (expr) => {
        const outcome = await outcomeOf(async () => {
          const source = `{% macro m() %}x{% endmacro %}{% for _ in [1] %}{{ ${expr} }}{% endfor %}`;
          return (await run(template(source).run({ host: { greet: () => 'hi' } }))).text;
        });
        const text = outcome.ok ? outcome.text : outcome.error;
        expect(text).not.toMatch(/function\s*\w*\s*\(|=>|\[native code\]/);
        if (outcome.ok) expect(text).not.toMatch(/\bprocess\b|\broot\b/);
        expectPrototypesUntouched();
      }),
      { numRuns: runs, seed: seed + 1 },
    );
  });
});
