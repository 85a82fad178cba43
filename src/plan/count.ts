/**
 * A count that may depend on run-time list lengths: a sum of terms, each a coefficient times a
 * product of symbols such as `len(items)`. Symbols stand for non-negative numbers, so sums,
 * products and the term-wise maximum and minimum below are sound bounds.
 */
export interface Count {
  /** Sorted by symbols; no two terms have the same symbols; no zero coefficients. */
  terms: CountTerm[];
}

/** `coefficient × symbols[0] × symbols[1] × …` (no symbols: a plain number). */
export interface CountTerm {
  coefficient: number;
  /** Sorted. */
  symbols: string[];
}

/** A plain number. */
export function countOf(value: number): Count {
  return normalise([{ coefficient: value, symbols: [] }]);
}

/** A symbol such as `len(items)`. */
export function countSymbol(symbol: string): Count {
  return { terms: [{ coefficient: 1, symbols: [symbol] }] };
}

/** a + b */
export function addCounts(a: Count, b: Count): Count {
  return normalise([...a.terms, ...b.terms]);
}

/** a × b */
export function multiplyCounts(a: Count, b: Count): Count {
  const terms: CountTerm[] = [];
  for (const x of a.terms) {
    for (const y of b.terms) {
      terms.push({
        coefficient: x.coefficient * y.coefficient,
        symbols: [...x.symbols, ...y.symbols].sort(),
      });
    }
  }
  return normalise(terms);
}

/** The term-wise maximum: at least as large as either (symbols are never negative). */
export function maxCounts(a: Count, b: Count): Count {
  return combine(a, b, Math.max);
}

/** The term-wise minimum: at most as large as either. */
export function minCounts(a: Count, b: Count): Count {
  return combine(a, b, Math.min);
}

/** The number, when the count has no symbols. */
export function countValue(count: Count): number | null {
  if (count.terms.length === 0) return 0;
  if (count.terms.length === 1 && count.terms[0]!.symbols.length === 0)
    return count.terms[0]!.coefficient;
  return null;
}

/** The count with every symbol replaced by a value (for comparing symbolic lengths). */
export function evaluateCount(count: Count, symbolValue: (symbol: string) => number): number {
  let total = 0;
  for (const term of count.terms) {
    let product = term.coefficient;
    for (const symbol of term.symbols) product *= symbolValue(symbol);
    total += product;
  }
  return total;
}

/** `3 + 2 × len(items)`, `len(a) × len(b)`, `0`. */
export function formatCount(count: Count): string {
  if (count.terms.length === 0) return '0';
  return count.terms
    .map((term) => {
      if (term.symbols.length === 0) return String(term.coefficient);
      const product = term.symbols.join(' × ');
      return term.coefficient === 1 ? product : `${term.coefficient} × ${product}`;
    })
    .join(' + ');
}

function combine(a: Count, b: Count, pick: (x: number, y: number) => number): Count {
  const keys = new Set([...a.terms, ...b.terms].map(key));
  const terms: CountTerm[] = [];
  for (const k of keys) {
    const x = a.terms.find((term) => key(term) === k);
    const y = b.terms.find((term) => key(term) === k);
    terms.push({
      coefficient: pick(x?.coefficient ?? 0, y?.coefficient ?? 0),
      symbols: (x ?? y)!.symbols,
    });
  }
  return normalise(terms);
}

function normalise(terms: readonly CountTerm[]): Count {
  const merged = new Map<string, CountTerm>();
  for (const term of terms) {
    const k = key(term);
    const existing = merged.get(k);
    if (existing) existing.coefficient += term.coefficient;
    else merged.set(k, { coefficient: term.coefficient, symbols: [...term.symbols] });
  }
  const result = [...merged.values()].filter((term) => term.coefficient !== 0);
  // Constants first, then by degree and name, so printing is stable.
  result.sort((x, y) => x.symbols.length - y.symbols.length || key(x).localeCompare(key(y)));
  return { terms: result };
}

function key(term: CountTerm): string {
  return term.symbols.join('\u0000');
}
