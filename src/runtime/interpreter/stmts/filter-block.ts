import type { FilterBlockStmt } from '../../../ir/ir.js';
import { evalArgs, splitArgs } from '../eval-expr.js';
import { execBody } from '../exec.js';
import type { ExecState } from '../exec-state.js';
import { deriveState } from '../exec-state.js';
import { ownText } from '../output-buffer.js';
import { whenAllKnown } from '../pending.js';
import { withSpan } from '../runtime-error.js';
import { applyFilter, renderOutput } from '../values.js';
import { captureBuffer } from './capture.js';

/** `{% filter name(args) %}…{% endfilter %}`: the body's text through the filter. */
export function execFilterBlock(stmt: FilterBlockStmt, state: ExecState): void {
  const buffer = captureBuffer(state);
  execBody(stmt.body, deriveState(state, { out: buffer }));
  const result = whenAllKnown(
    [ownText(buffer), ...evalArgs(stmt.args, stmt.kwargs, state)],
    (values) => {
      const [text, ...rest] = values;
      const { args, kwargs } = splitArgs(rest, stmt.kwargs);
      return renderOutput(
        withSpan(stmt.span, state, () => applyFilter(stmt.name, text, args, kwargs)),
      );
    },
  );
  state.out.write(result as string);
}
