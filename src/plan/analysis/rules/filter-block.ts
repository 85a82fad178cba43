import type { FilterBlockStmt } from '../../../ir/ir.js';
import { analyzeBody } from '../body.js';
import { analyzeArgs } from '../expr.js';
import { AbstractBuffer } from '../scope.js';
import type { AnalysisState } from '../state.js';

/** `{% filter f(args) %}…{% endfilter %}`: the body is captured, then filtered into the text. */
export function analyzeFilterBlock(stmt: FilterBlockStmt, state: AnalysisState): void {
  const buffer = new AbstractBuffer(state.out.prefix());
  analyzeBody(stmt.body, { ...state, out: buffer });
  state.out.write(buffer.own);
  for (const arg of analyzeArgs(stmt.args, stmt.kwargs, state)) state.out.write(arg.reads.keys());
}
