import type { BuiltinCallExprIR, CallBlockStmt, Expr } from '../../../ir/ir.js';
import { forEachNode } from '../../../ir/walk-ir.js';
import { summarizeList, summarizeWaits } from '../../../plan/summarize-waits.js';
import type { EmitContext } from '../emit-context.js';
import { jsString } from '../js-literal.js';

/**
 * `<< [name =] term + … >>`, as `execCallBlock`: each term evaluated in order — its calls
 * located at the block — and its text written at once, so a call in a later term has the
 * earlier terms' text in its prefix. The comment above says what the plan expects of each call.
 */
export function emitCallBlock(stmt: CallBlockStmt, ec: EmitContext): void {
  ec.comment(stmt.span);
  for (const line of planNotes(stmt, ec)) ec.out.line(`// ${line}`);
  ec.at(stmt.span);
  const s = ec.state;
  const b = ec.scope.local('block');
  ec.out.block('{', () => {
    ec.out.line(
      `const ${b} = { ...${s}, callBlock: ${ec.module.span(ec.template.path, stmt.span)} };`,
    );
    const single = stmt.terms.length === 1 && stmt.terms[0]!.kind === 'builtinCall';
    const texts: string[] = [];
    let last = '';
    for (const term of stmt.terms) {
      const value = ec.scope.local('term');
      ec.out.line(`const ${value} = ${ec.expr.emit(term, b)};`);
      const chatReply =
        term.kind === 'builtinCall' && (term.name === 'chat' || term.name === 'instruct');
      const reply = term.kind === 'builtinCall' ? ', true' : '';
      const write = `writeTerm(${s}, ${value}, ${chatReply}${reply})`;
      if (stmt.target !== null && !single) {
        const text = ec.scope.local('text');
        texts.push(text);
        ec.out.line(`const ${text} = ${write};`);
      } else {
        ec.out.line(`${write};`);
      }
      last = value;
    }
    if (stmt.target !== null) {
      ec.out.line(
        `bindOutput(${s}, ${jsString(stmt.target)}, ${single ? last : `joinTerms([${texts.join(', ')}])`});`,
      );
    }
  });
}

/** One line per planned call of the block: its id, stage and what it waits for. */
function planNotes(stmt: CallBlockStmt, ec: EmitContext): string[] {
  const calls: BuiltinCallExprIR[] = [];
  forEachNode([stmt], {
    expr: (expr: Expr) => {
      if (expr.kind === 'builtinCall') calls.push(expr);
    },
  });
  const notes: string[] = [];
  for (const call of calls) {
    if (call.name === 'flow') {
      notes.push(
        `flow(${call.resolved === null ? '…' : call.resolved}): runs in the same schedule, with its own calls`,
      );
      continue;
    }
    for (const planned of ec.module.plannedAt(ec.template.path, call.span)) {
      // Summaries, not lists: a stage of thousands of calls would make each comment quadratic.
      const waits = summarizeWaits(planned.waitsFor);
      const sameStage = ec.module.sameStage(planned);
      const others = sameStage.length === 0 ? '' : `, with ${summarizeList(sameStage)}`;
      notes.push(`${planned.id}: ${planned.builtin}, stage ${planned.stage}${others}; ${waits}`);
    }
  }
  return notes;
}
