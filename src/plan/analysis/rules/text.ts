import type { TextStmt } from '../../../ir/ir.js';
import type { AnalysisState } from '../state.js';

/** Literal text waits for nothing. */
export function analyzeText(_stmt: TextStmt, _state: AnalysisState): void {}
