import type { IToken } from 'chevrotain';
import type { CompareOperator, Expr, Identifier, TestExpr } from './ast.js';
import { createBinary, groupArithmetic, type ArithmeticOperator } from './arithmetic.js';
import { NotInKeyword } from './keyword-tokens.js';
import { tokenSpan } from './token-spans.js';

/** `is [not] name(args)` after an operand. */
export interface TestSuffix {
  negated: boolean;
  name: Identifier;
  args: Expr[];
  /** Where the suffix ends. */
  end: number;
}

/** One operand of a chain: `not`s before it, the operand itself, a test after it. */
export interface ChainOperand {
  nots: IToken[];
  core: Expr;
  test: TestSuffix | null;
}

/** Reports a token that is misplaced although the grammar accepted it. */
export type ChainErrorSink = (token: IToken, expected: string) => void;

// Binding powers, loosest first, as in nunjucks' parser: or, and, not, in, is, comparisons,
// arithmetic (whose own levels are sorted out by groupArithmetic).
const OR = 1;
const AND = 2;
const NOT = 3;
const IN = 4;
const IS = 5;
const COMPARE = 6;
const ARITHMETIC = 7;

type OperatorGroup = 'or' | 'and' | 'in' | 'compare' | 'arithmetic';

const operatorGroups: Readonly<Record<string, OperatorGroup>> = {
  or: 'or',
  and: 'and',
  in: 'in',
  'not in': 'in',
  '==': 'compare',
  '===': 'compare',
  '!=': 'compare',
  '!==': 'compare',
  '<': 'compare',
  '>': 'compare',
  '<=': 'compare',
  '>=': 'compare',
  '~': 'arithmetic',
  '+': 'arithmetic',
  '-': 'arithmetic',
  '*': 'arithmetic',
  '/': 'arithmetic',
  '//': 'arithmetic',
  '%': 'arithmetic',
  '**': 'arithmetic',
};

const bindingPowers: Readonly<Record<OperatorGroup, number>> = {
  or: OR,
  and: AND,
  in: IN,
  compare: COMPARE,
  arithmetic: ARITHMETIC,
};

function operatorText(token: IToken): string {
  return token.tokenType === NotInKeyword ? 'not in' : token.image;
}

type Entry =
  | { kind: 'not'; token: IToken }
  | { kind: 'operand'; expr: Expr }
  | { kind: 'test'; test: TestSuffix }
  | { kind: 'operator'; token: IToken; text: string; group: OperatorGroup };

/**
 * Groups a flat chain `[not…] operand [is test] op [not…] operand …` by precedence, with
 * nunjucks' semantics (see groupArithmetic and applyNot for where they differ from its parse
 * tree).
 */
export function groupChain(
  operands: ChainOperand[],
  operators: IToken[],
  report: ChainErrorSink,
): Expr {
  const only = operands[0]!;
  if (operators.length === 0 && only.nots.length === 0 && only.test === null) return only.core;
  const entries: Entry[] = [];
  operands.forEach((operand, i) => {
    if (i > 0) {
      const token = operators[i - 1]!;
      const text = operatorText(token);
      entries.push({ kind: 'operator', token, text, group: operatorGroups[text] ?? 'arithmetic' });
    }
    for (const token of operand.nots) entries.push({ kind: 'not', token });
    entries.push({ kind: 'operand', expr: operand.core });
    if (operand.test !== null) entries.push({ kind: 'test', test: operand.test });
  });
  const atoms = new Set(operands.map((operand) => operand.core));
  return new ChainGrouper(entries, atoms, report).parse(0);
}

/** A Pratt parser over the entries of one chain. */
class ChainGrouper {
  private position = 0;

  constructor(
    private readonly entries: Entry[],
    /** The operands themselves: `not` never reaches inside one (`not (a == b)`). */
    private readonly atoms: ReadonlySet<Expr>,
    private readonly report: ChainErrorSink,
  ) {}

  parse(minPower: number): Expr {
    let left = this.prefix(minPower);
    for (;;) {
      const next = this.entries[this.position];
      if (next === undefined || next.kind === 'not' || next.kind === 'operand') return left;
      if (next.kind === 'test') {
        if (IS <= minPower) return left;
        this.position++;
        left = createTest(left, next.test);
        continue;
      }
      const power = bindingPowers[next.group];
      if (power <= minPower) return left;
      left = this.infix(left, next.group, minPower);
    }
  }

  private prefix(minPower: number): Expr {
    const nots: IToken[] = [];
    while (this.entries[this.position]?.kind === 'not') {
      nots.push((this.entries[this.position++] as Extract<Entry, { kind: 'not' }>).token);
    }
    if (nots.length === 0) {
      // The grammar puts an operand after every operator, so nothing else can stand here.
      return (this.entries[this.position++] as Extract<Entry, { kind: 'operand' }>).expr;
    }
    // `a == not b` does not parse in nunjucks: `not` binds looser than what is on its left.
    if (minPower > NOT) this.report(nots[0]!, 'an operand; write `(not …)`');
    // `not not x`: the innermost `not` applies first; a loop keeps long runs off the stack.
    let operand = this.parse(NOT);
    for (let i = nots.length - 1; i >= 0; i--) {
      operand = applyNot(nots[i]!, operand, this.atoms);
    }
    return operand;
  }

  private infix(left: Expr, group: OperatorGroup, minPower: number): Expr {
    switch (group) {
      case 'arithmetic': {
        const terms = [left];
        const operators: ArithmeticOperator[] = [];
        while (this.peekOperator('arithmetic') && ARITHMETIC > minPower) {
          operators.push(this.takeOperator() as ArithmeticOperator);
          terms.push(this.parse(ARITHMETIC));
        }
        return groupArithmetic(terms, operators);
      }
      case 'compare': {
        const rest: { operator: CompareOperator; expr: Expr }[] = [];
        while (this.peekOperator('compare')) {
          const operator = this.takeOperator() as CompareOperator;
          rest.push({ operator, expr: this.parse(COMPARE) });
        }
        const end = rest.at(-1)!.expr.span.end;
        return { type: 'Compare', first: left, rest, span: { start: left.span.start, end } };
      }
      case 'in':
      case 'and':
      case 'or': {
        const operator = this.takeOperator() as 'in' | 'not in' | 'and' | 'or';
        return createBinary(operator, left, this.parse(bindingPowers[group]));
      }
    }
  }

  private peekOperator(group: OperatorGroup): boolean {
    const next = this.entries[this.position];
    return next?.kind === 'operator' && next.group === group;
  }

  private takeOperator(): string {
    const entry = this.entries[this.position++] as Extract<Entry, { kind: 'operator' }>;
    return entry.text;
  }
}

function createTest(target: Expr, test: TestSuffix): TestExpr {
  return {
    type: 'Test',
    target,
    name: test.name,
    args: test.args,
    negated: test.negated,
    span: { start: target.span.start, end: test.end },
  };
}

/** Operators that nunjucks compiles to bare JavaScript infix operators. */
const infixArithmetic = new Set(['~', '+', '-', '*', '/', '%']);

function isInfixChain(expr: Expr, atoms: ReadonlySet<Expr>): boolean {
  if (atoms.has(expr)) return false;
  return expr.type === 'Compare' || (expr.type === 'Binary' && infixArithmetic.has(expr.operator));
}

/**
 * `not x`. nunjucks compiles `not` to JavaScript's `!` followed by its operand without
 * parentheses, so when the operand is a comparison or an arithmetic chain, `!` applies to that
 * chain's leftmost operand only: `not a == b` is `(not a) == b`. `not a in b`, `not a is t`
 * and `not f(x)` negate the whole operand, which nunjucks compiles to a function call, and
 * so does `not (a == b)`: `atoms` are the chain's operands, whose parentheses nunjucks keeps.
 */
export function applyNot(token: IToken, operand: Expr, atoms: ReadonlySet<Expr>): Expr {
  const start = tokenSpan(token).start;
  if (!isInfixChain(operand, atoms)) {
    return { type: 'Unary', operator: 'not', operand, span: { start, end: operand.span.end } };
  }
  // Walk down the left spine of the chain; the nodes are fresh, so they are updated in place.
  let parent = operand;
  for (;;) {
    parent.span = { start, end: parent.span.end };
    const child = parent.type === 'Compare' ? parent.first : (parent as { left: Expr }).left;
    if (!isInfixChain(child, atoms)) {
      const negated: Expr = {
        type: 'Unary',
        operator: 'not',
        operand: child,
        span: { start, end: child.span.end },
      };
      if (parent.type === 'Compare') parent.first = negated;
      else (parent as { left: Expr }).left = negated;
      return operand;
    }
    parent = child;
  }
}
