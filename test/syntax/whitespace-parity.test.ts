import fc from 'fast-check';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import type { Expr, Node } from '../../src/syntax/ast.js';
import { parse } from '../../src/syntax/index.js';

// Whitespace control must trim exactly what nunjucks trims. A tiny renderer of our AST (text,
// names, comments, if, for, raw, set captures; a call block renders its terms like `{{ }}`)
// is compared with nunjucks on the same templates.

const env = new nunjucks.Environment(null, { autoescape: false });
const context: Record<string, unknown> = { x: 'X', t: true, f: false, xs: ['1', '2'], empty: [] };

function value(expr: Expr, scope: Record<string, unknown>): unknown {
  if (expr.type === 'Name') return scope[expr.name];
  if (expr.type === 'Literal') return expr.value;
  throw new Error(`unsupported expression ${expr.type}`);
}

function render(nodes: Node[], scope: Record<string, unknown>): string {
  return nodes.map((node) => renderNode(node, scope)).join('');
}

function renderNode(node: Node, scope: Record<string, unknown>): string {
  switch (node.type) {
    case 'Text':
      return node.value;
    case 'Output':
      return String(value(node.expr, scope) ?? '');
    case 'CallBlock':
      return node.terms.map((term) => String(value(term, scope) ?? '')).join('');
    case 'Comment':
      return '';
    case 'Raw':
      return node.value;
    case 'If': {
      const branch = node.branches.find((b) => Boolean(value(b.test, scope)));
      return branch ? render(branch.body, scope) : render(node.otherwise ?? [], scope);
    }
    case 'For': {
      const items = value(node.iterable, scope) as unknown[];
      if (items.length === 0) return render(node.otherwise ?? [], scope);
      return items
        .map((item) => render(node.body, { ...scope, [node.targets[0]!.name]: item }))
        .join('');
    }
    case 'SetBlock':
      scope[node.targets[0]!.name] = render(node.body, scope);
      return '';
    default:
      throw new Error(`unsupported node ${node.type}`);
  }
}

function renderOurs(template: string): string {
  const { ast, diagnostics } = parse(template);
  expect(diagnostics).toEqual([]);
  return render(ast.body, { ...context });
}

/** The same template for nunjucks, which has no call blocks: `<<- x ->>` is `{{- x -}}`. */
function forNunjucks(template: string): string {
  return template.replace(/<<(-?)/g, '{{$1').replace(/(-?)>>/g, '$1}}');
}

const blank = fc.constantFrom(
  '',
  ' ',
  '  ',
  '\n',
  ' \n ',
  '\t',
  '\r\n',
  '\n\n',
  '\u00a0',
  ' \u2028 ',
);
const word = fc.constantFrom('a', 'b c', '.', '');
const text = fc.tuple(blank, word, blank).map((parts) => parts.join(''));
const dash = fc.constantFrom('', '-');

const open = (tag: string) => fc.tuple(dash, dash).map(([l, r]) => `{%${l} ${tag} ${r}%}`);

const template = fc.letrec((tie) => ({
  item: fc.oneof(
    { weight: 4, arbitrary: text },
    { weight: 2, arbitrary: fc.tuple(dash, dash).map(([l, r]) => `{{${l} x ${r}}}`) },
    { weight: 1, arbitrary: fc.tuple(dash, dash).map(([l, r]) => `<<${l} x ${r}>>`) },
    { weight: 1, arbitrary: fc.tuple(dash, dash).map(([l, r]) => `{#${l} c ${r}#}`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(open('if t'), tie('items'), open('else'), tie('items'), open('endif'))
        .map((parts) => parts.join('')),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(open('if f'), tie('items'), open('elif t'), tie('items'), open('endif'))
        .map((parts) => parts.join('')),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('xs', 'empty'),
          tie('items'),
          open('else'),
          tie('items'),
          open('endfor'),
        )
        .chain(([list, body, elseTag, otherwise, end]) =>
          open(`for i in ${list}`).map((start) => `${start}${body}${elseTag}${otherwise}${end}`),
        ),
    },
    {
      weight: 1,
      // nunjucks does not accept `-` on `endraw`.
      arbitrary: fc
        .tuple(open('raw'), text)
        .map(([start, body]) => `${start}${body}{{ x }}{% endraw %}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(open('set v'), tie('items'), open('endset'), dash)
        .map(([start, body, end, d]) => `${start}${body}${end}[{{${d} v }}]`),
    },
  ),
  items: fc.array(tie('item'), { maxLength: 4 }).map((items) => items.join('')),
})).items as fc.Arbitrary<string>;

describe('whitespace control matches nunjucks', () => {
  it.each([
    'a  {%- if t -%}  b  {%- endif -%}  c',
    'a \n {{- x -}} \n b',
    'a \n {#- c -#} \n b',
    'a \u00a0\u2028 {{- x -}} \u00a0\u3000b',
    'x {%- if t %} y {% endif -%}\n\n z',
    'a  {% raw -%}  x  {% endraw %}  y',
    'a  {%- raw %}  x  {% endraw %}  y',
    '{% set v -%}  body  {% endset %}[{{ v }}]',
    '{% set v %}  body  {%- endset %}[{{ v }}]',
    '{% for i in xs -%} {{ i }} {%- else -%} none {%- endfor %}',
    'a {#-#} b',
    'a {{- x }}{#- c -#}{{ x -}} b',
    'p \n <<- x ->> \n q',
  ])('%j', (source) => {
    expect(renderOurs(source)).toBe(env.renderString(forNunjucks(source), { ...context }));
  });

  it('random templates render the same', () => {
    fc.assert(
      fc.property(template, (source) => {
        expect(renderOurs(source)).toBe(env.renderString(forNunjucks(source), { ...context }));
      }),
      { numRuns: 300 },
    );
  });
});
