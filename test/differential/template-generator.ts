import fc from 'fast-check';

/** The random choices a generated case is built from (fast-check's `gen`, or any PRNG). */
export interface Draw {
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
}

/** A random template in the Jinja subset of LANGUAGE.md §3, with a context to render it with. */
export interface GeneratedCase {
  source: string;
  context: Record<string, unknown>;
  /** True when a construct on which nunjucks fails was put in on purpose. */
  expectError: boolean;
}

/** Adapts fast-check's `gen()` value to a Draw, so failures shrink and replay by seed. */
export function drawFromGen(g: fc.GeneratorValue): Draw {
  // Unbiased: fast-check's default bias towards small values would skew every weighted choice.
  return { int: (min, max) => g(uniformInteger, min, max) };
}

function uniformInteger(min: number, max: number): fc.Arbitrary<number> {
  return fc.noBias(fc.integer({ min, max }));
}

/**
 * The kinds of value the generator keeps track of, so that every expression it writes is one
 * nunjucks evaluates without an error (errors are only ever put in deliberately). `str` may be
 * a SafeString (after `escape`); `pstr` is always a primitive string (what `list`, `reverse`,
 * indexing and iteration need).
 */
type Kind = 'str' | 'pstr' | 'num' | 'bool' | 'strList' | 'numList' | 'dict' | 'person' | 'people';

const WORDS = [
  'alpha',
  'beta',
  'gamma',
  'x',
  'Ünï',
  '42',
  'a.b',
  'end',
  '(yes)',
  '"q"',
  "it's",
  'ok!',
  'ca$h',
  '%',
  '}',
];
const SEPARATORS = [' ', ' ', '  ', '\n', '\t', ', ', '. ', ' - ', '\n\n', ' \n ', '\n  '];
const STRING_CHARS = [
  'a',
  'b',
  'Z',
  ' ',
  '-',
  '.',
  ',',
  'é',
  '<',
  '&',
  '"',
  "'",
  '\\',
  '\n',
  '\t',
  '1',
  '}',
];
const SET_NAMES = ['v1', 'v2', 'v3', 'v4'];
const CAPTURE_NAMES = ['c1', 'c2'];

/** Builds one random case from `draw`. */
export function generateCase(draw: Draw): GeneratedCase {
  return new CaseBuilder(draw).build();
}

class CaseBuilder {
  /** Names visible at this point, innermost scope last. */
  private readonly scopes: Map<string, Kind>[] = [];
  /** The kind each set name was first given (a name keeps its kind everywhere). */
  private readonly setKinds = new Map<string, Kind>();
  private loopDepth = 0;

  constructor(private readonly draw: Draw) {}

  build(): GeneratedCase {
    const context = this.context();
    this.scopes.push(
      new Map<string, Kind>([
        ['s1', 'pstr'],
        ['s2', 'pstr'],
        ['n1', 'num'],
        ['n2', 'num'],
        ['f1', 'num'],
        ['b1', 'bool'],
        ['sl', 'strList'],
        ['nl', 'numList'],
        ['d', 'dict'],
        ['people', 'people'],
      ]),
    );
    let source = this.statements(3, 1, 6);
    let expectError = false;
    if (this.chance(4)) {
      // A statement nunjucks fails on, at the top level so it always runs.
      const failing = this.pick([
        '{{ u() }}',
        '{{ n1() }}',
        '{{ 1 in n1 }}',
        '{{ n1 | upper }}',
        '{{ z | list }}',
        '{{ s1 | nosuchfilter }}',
        '{{ n1 is nosuchtest }}',
        '{% for a, b in [none] %}{% endfor %}',
      ]);
      const at = this.int(0, 1);
      source = at === 0 ? failing + source : source + failing;
      expectError = true;
    }
    return { source, context, expectError };
  }

  // --- context ------------------------------------------------------------------------------

  private context(): Record<string, unknown> {
    const list = <T>(make: () => T, max: number): T[] =>
      Array.from({ length: this.int(0, max) }, make);
    return {
      s1: this.stringValue(),
      s2: this.stringValue(),
      n1: this.int(-20, 20),
      n2: this.int(-3, 12),
      f1: this.int(-40, 40) / 4,
      b1: this.chance(50),
      sl: list(() => this.stringValue(), 4),
      nl: list(() => this.int(-5, 9), 5),
      d: Object.fromEntries(list(() => [this.pick(['a', 'b', 'c', 'key one']), this.int(0, 9)], 3)),
      people: list(() => ({ name: this.stringValue(), age: this.int(1, 90) }), 3),
      z: null,
    };
  }

  private stringValue(): string {
    return Array.from({ length: this.int(0, 6) }, () => this.pick(STRING_CHARS)).join('');
  }

  // --- statements ---------------------------------------------------------------------------

  private statements(depth: number, min: number, max: number): string {
    let out = '';
    const count = this.int(min, max);
    for (let i = 0; i < count; i++) out += this.statement(depth);
    return out;
  }

  private statement(depth: number): string {
    const weights: [number, () => string][] = [
      [4, () => this.text()],
      [4, () => this.output()],
      [depth > 0 ? 2 : 0, () => this.ifStatement(depth)],
      [depth > 0 ? 2 : 0, () => this.forStatement(depth)],
      [2, () => this.setStatement()],
      [depth > 0 ? 1 : 0, () => this.captureStatement(depth)],
      [depth > 0 ? 1 : 0, () => this.filterBlock(depth)],
      [1, () => this.comment()],
      [1, () => this.raw()],
    ];
    return this.weighted(weights)();
  }

  private text(): string {
    let out = '';
    const count = this.int(1, 4);
    for (let i = 0; i < count; i++) out += this.pick(WORDS) + this.pick(SEPARATORS);
    return this.chance(30) ? this.pick(SEPARATORS) + out : out;
  }

  private output(): string {
    return `${this.open('{{')} ${this.any(2)} ${this.close('}}')}`;
  }

  private ifStatement(depth: number): string {
    let out = this.tag(`if ${this.expr('bool', 2)}`) + this.block(depth - 1);
    const elifs = this.int(0, 2);
    for (let i = 0; i < elifs; i++)
      out += this.tag(`elif ${this.expr('bool', 2)}`) + this.block(depth - 1);
    if (this.chance(50)) out += this.tag('else') + this.block(depth - 1);
    return out + this.tag('endif');
  }

  private forStatement(depth: number): string {
    const choice = this.int(0, 5);
    const targets: [string, Kind][] = [];
    let iterable: string;
    switch (choice) {
      case 0:
        iterable = this.expr('strList', 1);
        targets.push(['item', 'str']);
        break;
      case 1:
        iterable = this.expr('numList', 1);
        targets.push(['item', 'num']);
        break;
      case 2:
        iterable = 'people';
        targets.push(['p', 'person']);
        break;
      case 3:
        iterable = this.pick(['d', 'd | dictsort', '{a: 1, "b": n1 }']);
        targets.push(['k', 'pstr'], ['v', 'num']);
        break;
      case 4:
        iterable = this.pick(['s1', 's2', this.stringLiteral()]);
        targets.push(['ch', 'pstr']);
        break;
      default:
        iterable = this.pick(['u', 'z', '[]', 'n1']);
        targets.push(['item', 'num']);
        break;
    }
    this.scopes.push(new Map(targets));
    this.loopDepth++;
    const body = this.statements(depth - 1, 0, 4);
    this.loopDepth--;
    this.scopes.pop();
    let out = this.tag(`for ${targets.map(([name]) => name).join(', ')} in ${iterable}`) + body;
    if (this.chance(40)) out += this.tag('else') + this.block(depth - 1);
    return out + this.tag('endfor');
  }

  private setStatement(): string {
    let kind = this.pick<Kind>(['str', 'pstr', 'num', 'bool', 'strList', 'numList', 'dict']);
    // When every set name holds another kind and no name holds this one, assign a number to n1
    // or a set name that holds numbers (n1 always holds a number).
    if (this.setTargetPool(kind).length === 0) kind = 'num';
    const value = this.expr(kind, 2);
    const names = this.setTargets(kind);
    return this.tag(`set ${names.join(', ')} = ${value}`);
  }

  /** One or two names to assign a `kind` value to: a visible name of that kind, or a fresh one. */
  private setTargets(kind: Kind): string[] {
    const pool = this.setTargetPool(kind);
    const count = this.chance(15) && pool.length > 1 ? 2 : 1;
    const names: string[] = [];
    while (names.length < count) {
      const name = this.pick(pool);
      if (!names.includes(name)) names.push(name);
    }
    for (const name of names) this.define(name, kind);
    return names;
  }

  private setTargetPool(kind: Kind): string[] {
    const candidates = SET_NAMES.filter((name) => (this.setKinds.get(name) ?? kind) === kind);
    // Only names whose current kind is exactly `kind`: a `set` in a loop body may write to the
    // outer frame, so it must not change what the name holds there (a SafeString into a `pstr`).
    const visible = this.namesOf(kind, true).filter(
      (name) => !['item', 'k', 'v', 'p', 'ch'].includes(name),
    );
    return [...new Set([...candidates, ...visible])];
  }

  private captureStatement(depth: number): string {
    const name = this.pick(CAPTURE_NAMES);
    const body = this.block(depth - 1);
    this.define(name, 'pstr');
    return this.tag(`set ${name}`) + body + this.tag('endset');
  }

  private filterBlock(depth: number): string {
    const filter = this.pick([
      'upper',
      'lower',
      'title',
      'capitalize',
      'trim',
      'striptags',
      `replace("a", "${this.pick(['A', '', 'aa'])}")`,
      `indent(${this.int(0, 3)})`,
      `truncate(${this.int(3, 12)})`,
      `center(${this.int(0, 12)})`,
    ]);
    return this.tag(`filter ${filter}`) + this.block(depth - 1) + this.tag('endfilter');
  }

  private comment(): string {
    return `${this.open('{#')} ${this.pick(WORDS)} {{ s1 }} ${this.close('#}')}`;
  }

  private raw(): string {
    // nunjucks finds `{% endraw %}` with a regex that allows no `-`; the opening tag may have one.
    const open = this.pick(['{% raw %}', '{%- raw %}', '{% raw -%}', '{% verbatim %}']);
    const close = open.includes('verbatim') ? '{% endverbatim %}' : '{% endraw %}';
    return `${open}${this.pick(WORDS)} {{ s1 }}{% if %}{# c #}${this.pick(SEPARATORS)}${close}`;
  }

  /** A nested statement list; names it sets are not used after it (they may be unset there). */
  private block(depth: number): string {
    this.scopes.push(new Map());
    const out = this.statements(depth, 0, 3);
    this.scopes.pop();
    return out;
  }

  private tag(content: string): string {
    return `${this.open('{%')} ${content} ${this.close('%}')}`;
  }

  private open(delimiter: string): string {
    return this.chance(25) ? `${delimiter}-` : delimiter;
  }

  private close(delimiter: string): string {
    return this.chance(25) ? `-${delimiter}` : delimiter;
  }

  // --- expressions --------------------------------------------------------------------------

  /** An expression of any kind, or one of the forms that may be undefined or null. */
  private any(depth: number): string {
    if (this.chance(70)) {
      return this.expr(
        this.pick<Kind>(['str', 'pstr', 'num', 'num', 'bool', 'strList', 'numList', 'dict']),
        depth,
      );
    }
    return this.pick([
      'u',
      'z',
      'u.x',
      'z.x',
      `nl[${this.int(-1, 4)}]`,
      `sl[${this.int(0, 4)}]`,
      'd.a',
      `d[${this.expr('pstr', 0)}]`,
      'people[0].name',
      'nl | first',
      'sl | last',
      'nl | batch(2)',
      'd | dictsort',
      `u | default(${this.expr('str', 1)})`,
      `z | default(${this.expr('str', 1)}, true)`,
      'people | selectattr("age") | length',
      'people | sort(attribute="age") | join(",", "name")',
      `loop.index`,
      `${this.expr('dict', 1)} | dump`,
    ]);
  }

  private expr(kind: Kind, depth: number): string {
    const atom = this.chance(depth > 0 ? 45 : 100);
    switch (kind) {
      case 'pstr':
        return atom ? this.pstrAtom() : this.pstrCompound(depth - 1);
      case 'str':
        return atom ? this.pstrAtom() : this.strCompound(depth - 1);
      case 'num':
        return atom ? this.numAtom() : this.numCompound(depth - 1);
      case 'bool':
        return atom ? this.boolAtom() : this.boolCompound(depth - 1);
      case 'strList':
        return atom
          ? this.pick(['sl', ...this.namesOf('strList')])
          : this.strListCompound(depth - 1);
      case 'numList':
        return atom
          ? this.pick(['nl', ...this.namesOf('numList'), `range(${this.int(0, 5)})`])
          : this.numListCompound(depth - 1);
      case 'dict':
        return atom || this.chance(50)
          ? this.pick(['d', ...this.namesOf('dict')])
          : `{a: ${this.expr('num', depth - 1)}, "b c": ${this.expr('str', depth - 1)} }`;
      case 'person':
      case 'people':
        return 'people';
    }
  }

  private pstrAtom(): string {
    const names = [...this.namesOf('pstr'), ...this.personFields('name')];
    return this.chance(40) || names.length === 0 ? this.stringLiteral() : this.pick(names);
  }

  private pstrCompound(depth: number): string {
    return this.weighted<() => string>([
      [4, () => `${this.operand(this.any(depth))} ~ ${this.operand(this.any(depth))}`],
      [
        2,
        () =>
          `${this.filterTarget(this.expr('pstr', depth))} | ${this.pick(['upper', 'lower', 'capitalize', 'title', 'trim', 'reverse', 'striptags', 'urlencode'])}`,
      ],
      [
        1,
        () =>
          `${this.filterTarget(this.expr('pstr', depth))} | replace(${this.expr('pstr', 0)}, ${this.expr('pstr', 0)})`,
      ],
      [
        1,
        () => `${this.filterTarget(this.expr('strList', depth))} | join(${this.expr('pstr', 0)})`,
      ],
      [1, () => `${this.filterTarget(this.expr('numList', depth))} | join("-")`],
      [1, () => `${this.filterTarget(this.expr('num', depth))} | string`],
      [1, () => `${this.filterTarget(this.expr('dict', depth))} | dump`],
      [
        1,
        () =>
          `(${this.expr('pstr', depth)} if ${this.expr('bool', depth)} else ${this.expr('pstr', depth)})`,
      ],
      [1, () => `${this.group(this.expr('pstr', depth))}.toUpperCase()`],
    ])();
  }

  private strCompound(depth: number): string {
    return this.weighted<() => string>([
      [3, () => this.pstrCompound(depth)],
      [
        2,
        () =>
          `${this.filterTarget(this.expr('str', depth))} | ${this.pick(['escape', 'e', 'safe', 'forceescape', 'upper', 'lower', 'capitalize', 'title', 'trim', 'nl2br', 'urlize'])}`,
      ],
      [
        1,
        () =>
          `${this.filterTarget(this.expr('str', depth))} | truncate(${this.int(1, 10)}${this.chance(50) ? ', true' : ''})`,
      ],
      [1, () => `${this.filterTarget(this.expr('str', depth))} | center(${this.int(0, 12)})`],
      [
        1,
        () =>
          `${this.filterTarget(this.expr('str', depth))} | indent(${this.int(0, 3)}${this.chance(50) ? ', true' : ''})`,
      ],
      [1, () => `${this.filterTarget(this.expr('str', depth))} | default(${this.expr('pstr', 0)})`],
      [
        1,
        () =>
          `(${this.expr('str', depth)} if ${this.expr('bool', depth)} else ${this.expr('str', depth)})`,
      ],
    ])();
  }

  private numAtom(): string {
    const names = [...this.namesOf('num'), ...this.personFields('age')];
    if (this.loopDepth > 0)
      names.push(`loop.${this.pick(['index', 'index0', 'revindex', 'revindex0', 'length'])}`);
    if (this.chance(40) || names.length === 0) {
      return this.chance(70) ? String(this.int(0, 20)) : `${this.int(0, 9)}.${this.int(0, 99)}`;
    }
    return this.pick(names);
  }

  private numCompound(depth: number): string {
    return this.weighted<() => string>([
      [
        4,
        () => {
          const left = this.operand(this.expr('num', depth));
          const operator = this.pick(['+', '-', '*', '/', '//', '%']);
          const right = this.expr('num', depth);
          // `a // b % c` is a recorded divergence (divergences/floor-division-of-a-modulo):
          // the right side of `//` stays grouped unless it is atomic.
          const rightText =
            operator === '//' && !isAtomic(right) ? `(${right})` : this.operand(right);
          return `${left} ${operator} ${rightText}`;
        },
      ],
      [1, () => `${this.operand(this.expr('num', depth))} ** ${this.int(0, 3)}`],
      [1, () => `-${this.group(this.expr('num', depth))}`],
      [
        1,
        () =>
          `${this.filterTarget(this.expr(this.pick<Kind>(['str', 'strList', 'numList', 'dict']), depth))} | length`,
      ],
      [1, () => `${this.filterTarget(this.expr('numList', depth))} | sum`],
      [1, () => 'people | sum("age")'],
      [
        1,
        () =>
          `${this.filterTarget(this.expr('num', depth))} | ${this.pick(['abs', 'round', 'round(1)', 'round(0, "floor")', 'int', 'float'])}`,
      ],
      [
        1,
        () =>
          `${this.filterTarget(this.expr('str', depth))} | ${this.pick(['int(0)', 'float(0)', 'int(1, 16)'])}`,
      ],
      [
        1,
        () =>
          `(${this.expr('num', depth)} if ${this.expr('bool', depth)} else ${this.expr('num', depth)})`,
      ],
    ])();
  }

  private boolAtom(): string {
    const names = this.namesOf('bool');
    if (this.loopDepth > 0) names.push('loop.first', 'loop.last');
    return this.chance(30) || names.length === 0 ? this.pick(['true', 'false']) : this.pick(names);
  }

  private boolCompound(depth: number): string {
    return this.weighted<() => string>([
      [
        3,
        () =>
          `${this.operand(this.any(depth))} ${this.pick(['==', '!=', '===', '!==', '<', '>', '<=', '>='])} ${this.operand(this.any(depth))}`,
      ],
      [
        2,
        () =>
          `${this.operand(this.expr('bool', depth))} ${this.pick(['and', 'or'])} ${this.operand(this.expr('bool', depth))}`,
      ],
      [1, () => `not ${this.operand(this.any(depth))}`],
      [
        2,
        () =>
          `${this.operand(this.any(depth))} is ${this.chance(20) ? 'not ' : ''}${this.pick(['defined', 'undefined', 'none', 'null', 'string', 'number', 'truthy', 'falsy', 'odd', 'even', 'escaped', 'mapping', 'callable'])}`,
      ],
      [
        1,
        () =>
          `${this.operand(this.expr(this.pick<Kind>(['num', 'str', 'strList', 'dict']), depth))} is iterable`,
      ],
      [
        1,
        () =>
          `${this.operand(this.expr('num', depth))} is ${this.pick([`divisibleby(${this.int(1, 4)})`, `ge(${this.int(0, 9)})`, `lt(${this.int(0, 9)})`, `equalto(${this.int(0, 3)})`])}`,
      ],
      [1, () => `${this.operand(this.expr('str', depth))} is ${this.pick(['lower', 'upper'])}`],
      [
        1,
        () =>
          `${this.operand(this.expr('pstr', depth))} ${this.pick(['in', 'not in'])} ${this.operand(this.expr(this.pick<Kind>(['pstr', 'strList', 'dict']), depth))}`,
      ],
      [
        1,
        () =>
          `${this.operand(this.expr('num', depth))} in ${this.operand(this.expr('numList', depth))}`,
      ],
    ])();
  }

  private strListCompound(depth: number): string {
    return this.weighted<() => string>([
      [
        2,
        () =>
          `[${Array.from({ length: this.int(0, 3) }, () => this.expr('str', depth)).join(', ')}]`,
      ],
      [
        2,
        () =>
          `${this.filterTarget(this.expr('strList', depth))} | ${this.pick(['sort', 'reverse', 'sort(true)', 'sort(false, true)'])}`,
      ],
      [1, () => `${this.filterTarget(this.expr('pstr', depth))} | list`],
      [
        1,
        () => `${this.group(this.expr('pstr', depth))}.split(${this.pick(['","', '" "', '""'])})`,
      ],
    ])();
  }

  private numListCompound(depth: number): string {
    return this.weighted<() => string>([
      [
        2,
        () =>
          `[${Array.from({ length: this.int(0, 3) }, () => this.expr('num', depth)).join(', ')}]`,
      ],
      [
        2,
        () =>
          `${this.filterTarget(this.expr('numList', depth))} | ${this.pick(['sort', 'reverse', 'sort(reverse=true)', 'select("odd")', 'reject("even")'])}`,
      ],
      [1, () => `range(${this.int(0, 3)}, ${this.int(0, 6)})`],
    ])();
  }

  // --- helpers ------------------------------------------------------------------------------

  /** An operand of an operator: bare or parenthesized when compound (both parse in nunjucks). */
  private operand(expr: string): string {
    if (isAtomic(expr)) return expr;
    // A bare unary or conditional operand would change or break the parse; others may stay bare,
    // which exercises nunjucks' precedence as its emitted JavaScript sees it.
    // A bare `//` next to `%` is the recorded divergence `a // b % c`
    // (divergences/floor-division-of-a-modulo), so a floor division is always grouped.
    if (/^(?:[-+]|not\b)|\b(?:if|is|in)\b|\/\//.test(expr) || this.chance(60)) return `(${expr})`;
    return expr;
  }

  /** A filter target: filters bind tighter than any operator, so compound targets need parentheses. */
  private filterTarget(expr: string): string {
    return isAtomic(expr) && !expr.includes('|') ? expr : `(${expr})`;
  }

  /**
   * A target of `.method()` or unary minus. A bare string literal is grouped too: nunjucks pastes
   * a literal callee's text unescaped into its generated JavaScript (for error messages), so
   * `"a\nb".split(",")` is a SyntaxError in nunjucks (see divergences/).
   */
  private group(expr: string): string {
    return isAtomic(expr) && !/^[\d"']/.test(expr) ? expr : `(${expr})`;
  }

  private stringLiteral(): string {
    const quote = this.chance(50) ? '"' : "'";
    const text = Array.from({ length: this.int(0, 5) }, () => this.pick(STRING_CHARS)).join('');
    const escaped = text
      .replace(/\\/g, '\\\\')
      .replace(/\n/g, '\\n')
      .replace(/\t/g, '\\t')
      .replace(quote === '"' ? /"/g : /'/g, `\\${quote}`);
    return `${quote}${escaped}${quote}`;
  }

  private personFields(field: 'name' | 'age'): string[] {
    return this.namesOf('person').map((name) => `${name}.${field}`);
  }

  private namesOf(kind: Kind, exact = false): string[] {
    const seen = new Map<string, Kind>();
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      for (const [name, k] of this.scopes[i]!) if (!seen.has(name)) seen.set(name, k);
    }
    const names: string[] = [];
    for (const [name, k] of seen)
      if (k === kind || (!exact && kind === 'str' && k === 'pstr')) names.push(name);
    return names;
  }

  private define(name: string, kind: Kind): void {
    if (!this.setKinds.has(name) && SET_NAMES.includes(name)) this.setKinds.set(name, kind);
    this.scopes[this.scopes.length - 1]!.set(name, kind);
  }

  private int(min: number, max: number): number {
    return this.draw.int(min, max);
  }

  private chance(percent: number): boolean {
    return this.int(0, 99) < percent;
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  private weighted<T>(choices: readonly [number, T][]): T {
    const total = choices.reduce((sum, [weight]) => sum + weight, 0);
    let roll = this.int(0, total - 1);
    for (const [weight, value] of choices) {
      if (roll < weight) return value;
      roll -= weight;
    }
    throw new Error('unreachable: weights are positive');
  }
}

/** A literal, a name or a lookup chain: safe to use as an operand without parentheses. */
function isAtomic(expr: string): boolean {
  return /^(?:[\w.]+|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[\w.]+\[[^\]]*\])$/.test(expr);
}
