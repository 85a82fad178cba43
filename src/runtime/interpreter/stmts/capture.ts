import type { CaptureStmt } from '../../../ir/ir.js';
import { assignVariable } from '../assign.js';
import { execBody } from '../exec.js';
import type { ExecState } from '../exec-state.js';
import { deriveState } from '../exec-state.js';
import { OutputBuffer, ownText } from '../output-buffer.js';

/**
 * `{% set x %}…{% endset %}`: calls inside see the outer prefix followed by the capture's own
 * text so far; the captured text is not part of the outer text (LANGUAGE.md §5).
 */
export function execCapture(stmt: CaptureStmt, state: ExecState): void {
  const buffer = captureBuffer(state);
  execBody(stmt.body, deriveState(state, { out: buffer }));
  const text = ownText(buffer);
  for (const target of stmt.targets) assignVariable(state, target, text);
}

/** A buffer whose calls see the current prefix before it. */
export function captureBuffer(state: ExecState): OutputBuffer {
  const buffer = new OutputBuffer(state.out.here());
  buffer.role = state.out.role;
  return buffer;
}
