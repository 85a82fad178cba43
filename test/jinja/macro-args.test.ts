import { describe, expect, it } from 'vitest';
import {
  bindMacroArgs,
  createMacroSignature,
  renderOutput,
  USE_DEFAULT,
  type MacroSignature,
} from '../../src/runtime/jinja/index.js';
import { renderNunjucks } from './nunjucks.js';

// A parameter list written as in a template; `=` marks a literal default.
const signatures = ['a, b', 'a, b="B", c="C"', 'x="X", y="Y"', 'a="A", b', 'p'];
const calls = [
  '',
  '1',
  '1, 2',
  '1, 2, 3',
  '1, 2, 3, 4, 5',
  'b=2',
  'a=1, b=2',
  'c=3, 1',
  '1, a=9',
  '1, 2, b=8',
  'y=2',
  'x=1, 5',
  'p=7, q=8',
  'caller=5',
];

function parseParams(source: string): { name: string; defaultValue: string | null }[] {
  if (!source) return [];
  return source.split(',').map((part) => {
    const [name, value] = part.split('=').map((s) => s.trim());
    return {
      name: name!,
      defaultValue: value === undefined ? null : (JSON.parse(value) as string),
    };
  });
}

function parseCall(source: string): { args: unknown[]; kwargs: Record<string, unknown> | null } {
  const args: unknown[] = [];
  let kwargs: Record<string, unknown> | null = null;
  for (const part of source ? source.split(',').map((s) => s.trim()) : []) {
    const [key, value] = part.split('=');
    if (value === undefined) args.push(Number(key));
    else (kwargs ??= {})[key!] = Number(value);
  }
  return { args, kwargs };
}

/** Renders the parameters as the macro body `[{{ a }}|{{ b }}…]caller` would. */
function renderBinding(
  signature: MacroSignature,
  params: { name: string; defaultValue: string | null }[],
  call: { args: unknown[]; kwargs: Record<string, unknown> | null },
): string {
  const bound = bindMacroArgs(signature, call.args, call.kwargs);
  const order = [...signature.positional, ...signature.keyword];
  const shown = params.map((param) => {
    const value = bound.values[order.indexOf(param.name)];
    return renderOutput(value === USE_DEFAULT ? param.defaultValue : value);
  });
  return `[${shown.join('|')}]${bound.hasCaller ? renderOutput(bound.caller) : '-'}`;
}

describe('bindMacroArgs', () => {
  for (const source of signatures) {
    it(`binds calls of macro m(${source}) like nunjucks' makeMacro`, () => {
      const params = parseParams(source);
      const signature = createMacroSignature(params);
      const body = params.map((p) => `{{ ${p.name} }}`).join('|');
      for (const callSource of calls) {
        const template =
          `{% macro m(${source}) %}[${body}]{% if caller %}{{ caller }}{% else %}-{% endif %}{% endmacro %}` +
          `{{ m(${callSource}) }}`;
        expect(renderBinding(signature, params, parseCall(callSource)), `m(${callSource})`).toBe(
          renderNunjucks(template),
        );
      }
    });
  }

  it('splits parameters into positional and keyword ones wherever the defaults are', () => {
    expect(createMacroSignature(parseParams('a="A", b, c="C", d'))).toEqual({
      positional: ['b', 'd'],
      keyword: ['a', 'c'],
    });
  });

  it('gives an explicitly undefined keyword argument, not the default', () => {
    const bound = bindMacroArgs(createMacroSignature(parseParams('x="X"')), [], { x: undefined });
    expect(bound.values).toEqual([undefined]);
  });
});
