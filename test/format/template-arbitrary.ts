import fc from 'fast-check';

/**
 * Random `.ot` templates for property tests: text, outputs with operators, filters and tests,
 * `if`/`for`/`set` blocks, call blocks with bindings and composition, comments, random
 * whitespace control and random spacing inside tags. Every generated template is meant to
 * parse; the properties skip the rare one that does not.
 */

/** The inputs generated templates are rendered with. */
export const arbitraryInputs = {
  a: 'A b',
  n: 3,
  items: ['p', 'q'],
  flag: true,
  d: { k: 'v' },
  s: '  pad ',
};

/** Spacing that a tag may or may not have between its tokens. */
const gap = fc.constantFrom('', ' ', '  ', '\n', ' \n  ');
/** Spacing where a space is needed (around keywords). */
const space = fc.constantFrom(' ', '  ', '\n  ');

const name = fc.constantFrom('a', 'n', 'items', 'flag', 'd', 's', 'x', 'missing');
const literal = fc.constantFrom(
  '1',
  '2.5',
  '0',
  'true',
  'false',
  'none',
  '"x"',
  "'y'",
  '"it\'s"',
  '\'say "hi"\'',
  '""',
  "'\\n'",
);

const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string; atom: string }>((tie) => ({
  atom: fc.oneof(name, literal),
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('atom'),
    tie('atom'),
    fc
      .tuple(
        tie('expr'),
        gap,
        fc.constantFrom('+', '-', '*', '/', '//', '%', '**', '~', '==', '!=', '<', '>='),
        gap,
        tie('expr'),
      )
      .map(([l, g1, op, g2, r]) => `${l}${g1}${op}${g2}${r}`),
    fc
      .tuple(tie('expr'), space, fc.constantFrom('and', 'or', 'in', 'not in'), space, tie('expr'))
      .map(([l, s1, op, s2, r]) => `${l}${s1}${op}${s2}${r}`),
    fc.tuple(gap, tie('expr'), gap).map(([g1, e, g2]) => `(${g1}${e}${g2})`),
    fc.tuple(space, tie('expr')).map(([s, e]) => `not${s}(${e})`),
    fc.tuple(fc.constantFrom('-', '+'), tie('atom')).map(([sign, e]) => `${sign}${e}`),
    fc
      .tuple(
        tie('expr'),
        gap,
        fc.constantFrom(
          'upper',
          'length',
          'trim',
          'default("z")',
          'join(", ")',
          'string',
          'replace("a", "b")',
        ),
      )
      .map(([e, g, f]) => `${e}${g}|${g}${f}`),
    fc
      .tuple(
        tie('expr'),
        space,
        fc.constantFrom('defined', 'odd', 'not even', 'divisibleby(2)', 'string', 'null'),
      )
      .map(([e, s, t]) => `(${e})${s}is${s}${t}`),
    fc
      .tuple(tie('expr'), space, tie('expr'), space, tie('expr'))
      .map(([t, s1, c, s2, o]) => `(${t}${s1}if${s2}${c} else ${o})`),
    fc.array(tie('expr'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
    fc.tuple(tie('expr'), tie('expr')).map(([k, v]) => `{ "k": ${k}, key2:${v} }`),
    fc.constantFrom(
      'd.k',
      'd["k"]',
      'items[0]',
      'items[1:]',
      'items[::-1]',
      'range(3)',
      'items | join',
    ),
  ),
})).expr;

/** `{`/`<`/`#` are left out of text so that it never forms a delimiter with its neighbours. */
const text = fc
  .array(
    fc.constantFrom(
      'a',
      'Text',
      ' ',
      '  ',
      '\n',
      '\n\n',
      '\t',
      ' \n ',
      '.',
      '!',
      '}',
      '>',
      '%',
      '-',
      'é',
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((parts) => parts.join(''));

const dash = fc.boolean().map((trim) => (trim ? '-' : ''));

/** `{%` + dashes + content + `%}` with random whitespace control and spacing. */
function tag(content: fc.Arbitrary<string>, open = '{%', close = '%}'): fc.Arbitrary<string> {
  return fc.tuple(dash, gap, content, gap, dash).map(([before, g1, body, g2, after]) => {
    // `{{-x` would be whitespace control and `{ … }}}` would close the tag early: space them.
    const lead = before === '' && g1 === '' ? ' ' : g1;
    const trail = g2 === '' && /[}>%-]$/.test(body) ? ' ' : g2;
    return `${open}${before}${lead}${body}${trail}${after}${close}`;
  });
}

const callTerm = fc.oneof(
  fc.constantFrom(
    'generate_text(max_tokens=5)',
    'generate_text()',
    'generate_text("fixed " ~ a, temperature=0)',
  ),
  fc.constantFrom('"pre: "', "'x'", '(1 + n)', 'a'),
);

/** A call block `<< [name =] term + term >>` (at least one term calls a builtin). */
const callBlock = fc
  .tuple(
    fc.option(fc.constantFrom('r', 'out'), { nil: undefined }),
    fc.array(callTerm, { maxLength: 2 }),
    gap,
  )
  .chain(([target, terms, g]) =>
    tag(
      fc.constant(
        `${target ? `${target}${g}=${g}` : ''}${[...terms, 'generate_text(max_tokens=2)'].join(`${g}+${g}`)}`,
      ),
      '<<',
      '>>',
    ),
  );

/** Templates; `withCalls` adds call blocks. */
export function templateArbitrary(withCalls: boolean): fc.Arbitrary<string> {
  return fc.letrec<{ body: string; node: string }>((tie) => ({
    body: fc.array(tie('node'), { maxLength: 5 }).map((nodes) => nodes.join('')),
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      text,
      tag(expression, '{{', '}}'),
      fc.tuple(dash, dash).map(([before, after]) => `{#${before} a comment ${after}#}`),
      fc
        .tuple(
          tag(expression.map((e) => `if ${e}`)),
          tie('body'),
          tag(fc.constant('else')),
          tie('body'),
          tag(fc.constant('endif')),
        )
        .map((parts) => parts.join('')),
      fc
        .tuple(tag(fc.constant('for x in items')), tie('body'), tag(fc.constant('endfor')))
        .map((parts) => parts.join('')),
      tag(expression.map((e) => `set v = ${e}`)),
      fc
        .tuple(
          tag(fc.constant('set cap')),
          tie('body'),
          tag(fc.constant('endset')),
          fc.constant('{{ cap }}'),
        )
        .map((parts) => parts.join('')),
      ...(withCalls ? [callBlock, callBlock] : []),
    ),
  })).body;
}
