import { describe, expect, it } from 'vitest';
import { lower } from '../../src/ir/lower.js';
import type { TemplateNode } from '../../src/syntax/ast.js';
import * as b from './ast-builders.js';

const check = (ast: TemplateNode, ambientNames: string[] = []) =>
  lower(ast, { path: 'main.ot', source: ' '.repeat(200), ambientNames }).diagnostics.map(
    (d) => `${d.code} ${d.message}`,
  );
const at = (start: number) => ({ start, end: start + 1 });

describe('undefined variables (OT2003) and unknown calls in call blocks (OT2001)', () => {
  it('knows inputs, globals and names set before use', () => {
    expect(
      check(
        b.template(
          [
            b.output(b.name('country')),
            b.output(b.call('range', [b.lit(3)])),
            b.set('x', b.lit(1)),
            b.output(b.name('x')),
            b.output(b.name('y')),
            b.set('y', b.lit(2)),
          ],
          'input:\n  country: string\n',
        ),
      ),
    ).toEqual(['OT2003 undefined variable `y`']);
  });

  it('sees call-block targets after the block, not inside it', () => {
    expect(
      check(
        b.template([
          b.callBlock('city', [b.call('generate_text', [b.name('city')])]),
          b.output(b.name('city')),
        ]),
      ),
    ).toEqual(['OT2003 undefined variable `city`']);
  });

  it('counts names bound later in a loop body as bound in all of it, but not after the loop', () => {
    expect(
      check(
        b.template(
          [
            b.forNode(['item'], b.name('items'), [
              b.ifNode(b.member(b.name('loop'), 'first'), [], [b.output(b.name('previous'))]),
              b.set('previous', b.name('item')),
            ]),
            b.output(b.name('previous')),
            b.output(b.name('loop')),
          ],
          'input:\n  items: list\n',
        ),
      ),
    ).toEqual(['OT2003 undefined variable `previous`', 'OT2003 undefined variable `loop`']);
  });

  it('lets a macro see its parameters, caller and every top-level name', () => {
    expect(
      check(
        b.template([
          b.macro(
            'card',
            ['title'],
            [
              b.output(b.name('title')),
              b.output(b.call('caller')),
              b.output(b.name('later')),
              b.output(b.call('card', [b.lit('x')])),
              b.output(b.name('nowhere')),
            ],
          ),
          b.set('later', b.lit(1)),
          b.callTag(['row'], b.call('card', [b.lit('t')]), [b.output(b.name('row'))]),
          b.output(b.name('row')),
        ]),
      ),
    ).toEqual(['OT2003 undefined variable `nowhere`', 'OT2003 undefined variable `row`']);
  });

  it('keeps fork branches apart and shows their bindings after the fork', () => {
    expect(
      check(
        b.template([
          b.fork([
            b.branch([b.callBlock('pros', [b.call('generate_text')])]),
            b.branch([b.output(b.name('pros')), b.callBlock('cons', [b.call('generate_text')])]),
          ]),
          b.output(b.name('pros')),
          b.output(b.name('cons')),
        ]),
      ),
    ).toEqual(['OT2003 undefined variable `pros`']);
  });

  it('does not read a dict bare-name key as a variable', () => {
    const dict = {
      type: 'Dict' as const,
      entries: [{ key: b.name('a'), value: b.name('v'), span: at(0) }],
      span: at(0),
    };
    expect(check(b.template([b.output(dict)]))).toEqual(['OT2003 undefined variable `v`']);
  });

  it('does not warn about a name tested with `is defined` or given a `default`', () => {
    expect(
      check(
        b.template([
          b.output(b.test(b.name('a'), 'defined')),
          b.output(b.test(b.name('b'), 'undefined')),
          b.output({ ...b.filter(b.name('c'), 'default'), args: [b.name('fallback')] }),
          b.output(b.test(b.name('d'), 'odd')),
        ]),
      ),
    ).toEqual(['OT2003 undefined variable `fallback`', 'OT2003 undefined variable `d`']);
  });

  it('accepts names an including template binds', () => {
    expect(check(b.template([b.output(b.name('topic'))]), ['topic'])).toEqual([]);
  });

  it('reports an unknown call inside a call block as OT2001, outside as OT2003', () => {
    expect(
      check(
        b.template([
          b.callBlock(null, [b.call('generate_txt')]),
          b.output(b.call('helper')),
          b.macro('m', [], []),
          b.callBlock(null, [b.call('m')]),
        ]),
      ),
    ).toEqual(['OT2001 unknown builtin `generate_txt`', 'OT2003 undefined variable `helper`']);
  });
});

describe('builtins outside call blocks (OT2002)', () => {
  it('reports builtin calls in outputs, tags and {% call %}', () => {
    expect(
      check(
        b.template([
          b.output(b.call('generate_text')),
          b.set('x', b.call('select', [b.list([b.lit('a')])])),
          b.callTag([], b.call('chat'), []),
          b.callBlock(null, [b.call('generate_text', [b.call('instruct')])]),
        ]),
      ),
    ).toEqual([
      'OT2002 builtin `generate_text` called outside a call block; write `<< generate_text(…) >>`',
      'OT2002 builtin `select` called outside a call block; write `<< select(…) >>`',
      'OT2002 builtin `chat` called outside a call block; write `<< chat(…) >>`',
    ]);
  });
});

describe('filters (OT2006) and tests (OT2010)', () => {
  it('knows nunjucks built-ins and reports the rest at their name', () => {
    const result = lower(
      b.template([
        b.output(b.filter(b.lit('a'), 'upper')),
        b.output(b.filter(b.lit('a'), 'shout', { start: 7, end: 12 })),
        b.output(b.test(b.lit(1), 'odd')),
        b.output(b.test(b.lit(1), 'prime', { start: 20, end: 25 })),
        {
          type: 'FilterBlock',
          name: b.ident('yell', { start: 30, end: 34 }),
          args: [],
          kwargs: [],
          body: [],
          tags: [],
          span: at(0),
        },
      ]),
      { path: 'main.ot', source: '' },
    );
    expect(result.diagnostics.map((d) => [d.code, d.span, d.message])).toEqual([
      ['OT2006', { start: 7, end: 12 }, 'unknown filter `shout`'],
      ['OT2010', { start: 20, end: 25 }, 'unknown test `prime`'],
      ['OT2006', { start: 30, end: 34 }, 'unknown filter `yell`'],
    ]);
  });
});

describe('builtin arguments (OT2008) and schemas (OT2011)', () => {
  const block = (...terms: ReturnType<typeof b.call>[]) => b.callBlock(null, terms);

  it('accepts well-formed calls', () => {
    expect(
      check(
        b.template(
          [
            block(
              b.call(
                'generate_text',
                [b.lit('p')],
                [b.kw('temperature', b.lit(0.5)), b.kw('stop', b.list([b.lit('\n')]))],
              ),
              b.call(
                'generate_texts',
                [],
                [
                  b.kw('samples', b.lit(3)),
                  b.kw('seed', { type: 'Unary', operator: '-', operand: b.lit(1), span: at(0) }),
                ],
              ),
              b.call('generate_object', [], [b.kw('schema', b.lit('City'))]),
              b.call('select', [b.list([b.lit('a'), b.lit('b')]), b.lit('Pick:')]),
              b.call('instruct', [b.lit('p'), b.lit('Answer:')]),
              b.call('chat', [], [b.kw('max_tokens', b.lit(5)), b.kw('top_p', b.lit(null))]),
              b.call('flow', [b.lit('x.ot')], [b.kw('anything', b.lit(1))]),
            ),
          ],
          'schemas:\n  City: {type: object}\n',
        ),
      ),
    ).toEqual([]);
  });

  it('reports unknown, repeated and extra arguments', () => {
    expect(
      check(
        b.template([
          block(
            b.call('generate_text', [b.lit('a'), b.lit('b')], [b.kw('temprature', b.lit(0))]),
            b.call('instruct', [b.lit('p')], [b.kw('prompt', b.lit('q'))]),
          ),
        ]),
      ),
    ).toEqual([
      'OT2008 generate_text: takes at most 1 positional argument (prompt)',
      'OT2008 generate_text: unknown argument `temprature`; expected prompt, temperature, max_tokens, stop, top_p, top_k, seed',
      'OT2008 instruct: argument `prompt` is given twice',
    ]);
  });

  it('reports missing required arguments unless front matter defaults supply them', () => {
    const body = [
      block(b.call('generate_texts'), b.call('generate_object'), b.call('select'), b.call('flow')),
    ];
    expect(check(b.template(body))).toEqual([
      'OT2008 generate_texts: missing required argument `samples`',
      'OT2008 generate_object: missing required argument `schema`',
      'OT2008 select: missing required argument `options`',
      'OT2008 flow: missing required argument `path`',
    ]);
    expect(
      check(
        b.template(
          body,
          'schemas:\n  S: {type: object}\ndefaults:\n  generate_texts: {samples: 2}\n  generate_object: {schema: S}\n',
        ),
      ),
    ).toEqual([
      'OT2008 select: missing required argument `options`',
      'OT2008 flow: missing required argument `path`',
    ]);
  });

  it('checks the types of literal values, and lets computed values and none through', () => {
    expect(
      check(
        b.template(
          [
            block(
              b.call('generate_texts', [], [b.kw('samples', b.lit(0))]),
              b.call('generate_texts', [], [b.kw('samples', b.lit(2.5))]),
              b.call(
                'generate_text',
                [b.lit(3)],
                [b.kw('temperature', b.lit('hot')), b.kw('stop', b.list([b.lit(1)]))],
              ),
              b.call(
                'generate_text',
                [],
                [b.kw('max_tokens', b.name('n')), b.kw('temperature', b.lit(null))],
              ),
              b.call('select', [b.list([])]),
              b.call('select', [b.lit('a,b')]),
              b.call('generate_object', [], [b.kw('schema', b.list([]))]),
            ),
          ],
          'input:\n  n: integer\n',
        ),
      ),
    ).toEqual([
      'OT2008 generate_texts: `samples` must be a positive integer, got 0',
      'OT2008 generate_texts: `samples` must be a positive integer, got 2.5',
      'OT2008 generate_text: `prompt` must be a string, got 3',
      'OT2008 generate_text: `temperature` must be a number, got "hot"',
      'OT2008 generate_text: `stop` must be a string or a list of strings, got a list',
      'OT2008 select: `options` must not be an empty list',
      'OT2008 select: `options` must be a list, got "a,b"',
      'OT2008 generate_object: `schema` must be a schema name or a JSON Schema dict, got a list',
    ]);
  });

  it('reports an undeclared schema name at the name (OT2011)', () => {
    const result = lower(
      b.template(
        [
          block(
            b.call('generate_object', [], [b.kw('schema', b.lit('Persn', { start: 40, end: 47 }))]),
          ),
        ],
        'schemas:\n  Person: true\n',
      ),
      { path: 'main.ot', source: '' },
    );
    expect(result.diagnostics.map((d) => [d.code, d.span, d.message])).toEqual([
      ['OT2011', { start: 40, end: 47 }, 'unknown schema `Persn`; declared schemas: `Person`'],
    ]);
  });
});

describe('front matter output (OT2003)', () => {
  it('warns when output names a variable the template never binds', () => {
    expect(
      check(b.template([b.callBlock('answer', [b.call('generate_text')])], 'output: answer\n')),
    ).toEqual([]);
    expect(check(b.template([b.text('x')], 'output: answer\n'))).toEqual([
      'OT2003 undefined variable `answer`',
    ]);
  });
});
