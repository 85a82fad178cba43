import type { Stmt } from '../../../ir/ir.js';
import type { AnalysisState } from '../state.js';
import { analyzeCallBlock } from './call-block.js';
import { analyzeCallTag } from './call-tag.js';
import { analyzeCapture } from './capture.js';
import { analyzeFilterBlock } from './filter-block.js';
import { analyzeFor } from './for.js';
import { analyzeFork } from './fork.js';
import { analyzeIf } from './if.js';
import { analyzeInclude } from './include.js';
import { analyzeMacro } from './macro.js';
import { analyzeOutput } from './output.js';
import { analyzeRole } from './role.js';
import { analyzeSet } from './set.js';
import { analyzeText } from './text.js';

/**
 * One plan rule per statement kind, mirroring the interpreter's executors
 * (src/runtime/interpreter/stmts/index.ts); the mapped type makes a missing kind a compile error.
 */
export const statementRules: {
  [K in Stmt['kind']]: (stmt: Extract<Stmt, { kind: K }>, state: AnalysisState) => void;
} = {
  text: analyzeText,
  output: analyzeOutput,
  if: analyzeIf,
  for: analyzeFor,
  set: analyzeSet,
  capture: analyzeCapture,
  include: analyzeInclude,
  macro: analyzeMacro,
  callTag: analyzeCallTag,
  filterBlock: analyzeFilterBlock,
  fork: analyzeFork,
  role: analyzeRole,
  callBlock: analyzeCallBlock,
};
