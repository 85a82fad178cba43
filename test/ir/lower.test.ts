import { describe, expect, it } from 'vitest';
import { lower } from '../../src/ir/lower.js';
import type { TemplateNode } from '../../src/syntax/ast.js';
import * as b from './ast-builders.js';

const run = (ast: TemplateNode, source = ' '.repeat(200)) =>
  lower(ast, { path: 'dir/main.ot', source });
const codes = (ast: TemplateNode) => run(ast).diagnostics.map((d) => d.code);

describe('lower: statements', () => {
  it('drops comments, turns raw into text and merges adjacent texts', () => {
    const { template, diagnostics } = run(
      b.template([
        b.text('a', { start: 0, end: 1 }),
        b.comment(' c '),
        b.raw('{{ x }}'),
        b.text('', { start: 20, end: 21 }),
        b.text('b', { start: 21, end: 22 }),
        b.output(b.lit(1)),
        b.text('', { start: 30, end: 30 }),
      ]),
    );
    expect(diagnostics).toEqual([]);
    expect(template.body).toEqual([
      { kind: 'text', value: 'a{{ x }}b', span: { start: 0, end: 22 } },
      {
        kind: 'output',
        expr: { kind: 'literal', value: 1, span: { start: 0, end: 0 } },
        span: { start: 0, end: 0 },
      },
    ]);
  });

  it('turns calls of builtin names into builtinCall nodes, and keeps other calls', () => {
    const { template } = run(
      b.template([
        b.macro('m', [], []),
        b.callBlock('x', [
          b.call('generate_text', [], [b.kw('temperature', b.lit(0))]),
          b.call('m'),
        ]),
        b.output(b.call(b.member(b.name('loop'), 'cycle'), [b.lit('a')])),
      ]),
    );
    const block = template.body[1];
    expect(block).toMatchObject({
      kind: 'callBlock',
      target: 'x',
      terms: [
        {
          kind: 'builtinCall',
          name: 'generate_text',
          args: [],
          kwargs: [{ name: 'temperature' }],
          resolved: null,
        },
        { kind: 'call', callee: { kind: 'name', name: 'm' } },
      ],
    });
    expect(template.body[2]).toMatchObject({
      kind: 'output',
      expr: { kind: 'call', callee: { kind: 'member', property: 'cycle' } },
    });
  });

  it('resolves a literal flow path and a literal include path against the file', () => {
    const { template } = run(
      b.template([
        b.callBlock(null, [b.call('flow', [b.lit('sub/other.ot')], [b.kw('q', b.lit(1))])]),
        b.callBlock(null, [b.call('flow', [b.name('dynamic')])]),
        {
          type: 'Include',
          template: b.lit('../part.ot'),
          ignoreMissing: true,
          tags: [],
          span: { start: 0, end: 0 },
        },
      ]),
    );
    expect(template.body[0]).toMatchObject({
      terms: [{ kind: 'builtinCall', name: 'flow', resolved: 'dir/sub/other.ot' }],
    });
    expect(template.body[1]).toMatchObject({
      terms: [{ kind: 'builtinCall', name: 'flow', resolved: null }],
    });
    expect(template.body[2]).toMatchObject({
      kind: 'include',
      resolved: 'part.ot',
      ignoreMissing: true,
    });
  });

  it('treats a builtin name shadowed by an input as a variable, with a warning at the input', () => {
    const { template, diagnostics } = run(
      b.template([b.output(b.call('select', [b.lit(1)]))], 'input:\n  select: any\n'),
    );
    expect(template.body[0]).toMatchObject({
      kind: 'output',
      expr: { kind: 'call', callee: { kind: 'name', name: 'select' } },
    });
    expect(diagnostics.map((d) => [d.code, d.span])).toEqual([['OT2009', { start: 13, end: 19 }]]);
  });

  it('reports unsupported tags at their opening tag and drops them', () => {
    const { template, diagnostics } = run(
      b.template([b.unsupported('extends', [], { start: 3, end: 20 }), b.text('x')]),
    );
    expect(template.body).toEqual([{ kind: 'text', value: 'x', span: { start: 0, end: 0 } }]);
    expect(diagnostics.map((d) => [d.code, d.span, d.message])).toEqual([
      ['OT2007', { start: 3, end: 20 }, '`{% extends %}` is not supported in .ot templates'],
    ]);
  });

  it('maps a Missing expression (parser recovery) to none without a second error', () => {
    const { template, diagnostics } = run(
      b.template([b.output({ type: 'Missing', span: { start: 5, end: 5 } })]),
    );
    expect(template.body[0]).toMatchObject({ expr: { kind: 'literal', value: null } });
    expect(diagnostics).toEqual([]);
  });
});

describe('lower: forks', () => {
  it('keeps explicit branches and drops whitespace and comments between them', () => {
    const { template, diagnostics } = run(
      b.template([
        b.fork([
          b.text('\n  '),
          b.branch([b.text('A')], { start: 1, end: 2 }),
          b.comment('x'),
          b.text('\n'),
          b.branch([b.text('B')], { start: 3, end: 4 }),
        ]),
      ]),
    );
    expect(diagnostics).toEqual([]);
    expect(template.body[0]).toMatchObject({
      kind: 'fork',
      mode: 'branches',
      branches: [
        { body: [{ kind: 'text', value: 'A' }], span: { start: 1, end: 2 } },
        { body: [{ kind: 'text', value: 'B' }], span: { start: 3, end: 4 } },
      ],
    });
  });

  it('turns one for loop into a loop fork', () => {
    const { template, diagnostics } = run(
      b.template([
        b.fork([
          b.text(' '),
          b.forNode(['x'], b.list([b.lit(1)]), [b.output(b.name('x'))]),
          b.text(' '),
        ]),
      ]),
    );
    expect(diagnostics).toEqual([]);
    expect(template.body[0]).toMatchObject({
      kind: 'fork',
      mode: 'loop',
      loop: { kind: 'for', targets: ['x'] },
    });
  });

  it('reports text inside a fork at the text itself, without its surrounding whitespace', () => {
    const source = 'xxxx\n  oops  \nxx';
    const { diagnostics } = lower(
      b.template([b.fork([b.text('\n  oops  \n', { start: 4, end: 14 }), b.branch([])])]),
      { path: 'main.ot', source },
    );
    expect(diagnostics.map((d) => [d.code, d.span])).toEqual([['OT2012', { start: 7, end: 11 }]]);
    expect(source.slice(7, 11)).toBe('oops');
  });

  it('requires branches or exactly one for loop', () => {
    expect(codes(b.template([b.fork([b.text(' ')], { start: 2, end: 9 })]))).toEqual(['OT2012']);
    const loop = () => b.forNode(['x'], b.name('xs'), [], { start: 5, end: 6 });
    const mixed = run(b.template([b.fork([b.branch([]), loop()])], 'input:\n  xs: list\n'));
    expect(mixed.diagnostics.map((d) => d.message)).toEqual([
      'a `fork` holds either `branch` blocks or one `for` loop, not both',
    ]);
    expect(mixed.template.body[0]).toMatchObject({ mode: 'branches' });
    const two = run(b.template([b.fork([loop(), loop()])], 'input:\n  xs: list\n'));
    expect(two.diagnostics.map((d) => d.message)).toEqual([
      'a `fork` may hold only one `for` loop; wrap each in a `branch`',
    ]);
    const other = run(b.template([b.fork([b.branch([]), b.output(b.lit(1))])]));
    expect(other.diagnostics.map((d) => d.message)).toEqual([
      'only `branch` blocks or one `for` loop may appear directly inside `fork`',
    ]);
  });

  it('reports a branch outside a fork and keeps its body', () => {
    const { template, diagnostics } = run(
      b.template([b.branch([b.text('A')], { start: 0, end: 12 })]),
    );
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['OT2012', '`branch` is only allowed directly inside `fork`'],
    ]);
    expect(template.body).toMatchObject([{ kind: 'text', value: 'A' }]);
  });
});

describe('lower: roles', () => {
  it('normalises model to assistant and records that the template has roles', () => {
    const { template, diagnostics } = run(
      b.template([b.role(b.lit('system'), [b.text('S')]), b.role(b.lit('model'), [b.text('M')])]),
    );
    expect(diagnostics).toEqual([]);
    expect(template.hasRoles).toBe(true);
    expect(template.body).toMatchObject([
      { kind: 'role', role: 'system' },
      { kind: 'role', role: 'assistant' },
    ]);
    expect(run(b.template([b.text('x')])).template.hasRoles).toBe(false);
  });

  it('rejects unknown and computed roles at the role expression', () => {
    const { template, diagnostics } = run(
      b.template(
        [
          b.role(b.lit('narrator', { start: 8, end: 18 }), [b.text('A')]),
          b.role(b.name('who', { start: 30, end: 33 }), [b.text('B')], { start: 22, end: 40 }),
        ],
        'input:\n  who: string\n',
      ),
    );
    expect(diagnostics.map((d) => [d.code, d.span, d.message])).toEqual([
      [
        'OT2012',
        { start: 8, end: 18 },
        'unknown role "narrator"; expected "system", "user", "assistant" or "model"',
      ],
      [
        'OT2012',
        { start: 30, end: 33 },
        'a role must be a string literal: "system", "user", "assistant" or "model"',
      ],
    ]);
    // The bodies are kept so their text still renders.
    expect(template.body).toMatchObject([{ kind: 'text', value: 'AB' }]);
  });

  it('rejects nested roles at the inner tag', () => {
    const { template, diagnostics } = run(
      b.template([
        b.role(b.lit('user'), [b.role(b.lit('system'), [b.text('x')], { start: 10, end: 28 })]),
      ]),
    );
    expect(diagnostics.map((d) => [d.code, d.span])).toEqual([['OT2012', { start: 10, end: 28 }]]);
    expect(template.body).toMatchObject([
      { kind: 'role', role: 'user', body: [{ kind: 'text', value: 'x' }] },
    ]);
  });
});
