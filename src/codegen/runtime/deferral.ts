import type { Stmt } from '../../ir/ir.js';

/**
 * What `deferStatement` needs to know of a statement: the names it may assign, and whether it is
 * a `for` loop (whose own new variables stay inside it). Generated code has no IR, so each
 * statement that may wait for a call gets this skeleton — a statement that assigns exactly
 * those names — built once when the module loads.
 */
export function deferral(names: readonly string[], isLoop: boolean): Stmt {
  const span = { start: 0, end: 0 };
  const assigns: Stmt[] =
    names.length > 0
      ? [{ kind: 'set', targets: [...names], value: { kind: 'literal', value: null, span }, span }]
      : [];
  if (isLoop) {
    return {
      kind: 'for',
      targets: [],
      iterable: { kind: 'literal', value: null, span },
      body: assigns,
      otherwise: null,
      span,
    };
  }
  return {
    kind: 'if',
    branches: [{ test: { kind: 'literal', value: null, span }, body: assigns, span }],
    otherwise: null,
    span,
  };
}
