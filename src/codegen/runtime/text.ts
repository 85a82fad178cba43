import type { ExecState } from '../../runtime/interpreter/exec-state.js';
import { execText } from '../../runtime/interpreter/stmts/text.js';

const NO_SPAN = { start: 0, end: 0 };

/**
 * Template text, written exactly as the interpreter's `execText` writes it (in a template with
 * role blocks, whitespace between them belongs to no chat message). Generated code uses it in
 * templates with role blocks; elsewhere text is plain output.
 */
export function writeText(state: ExecState, value: string): void {
  execText({ kind: 'text', value, span: NO_SPAN }, state);
}
