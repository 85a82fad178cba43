import type { Stmt } from '../../../ir/ir.js';
import type { EmitContext } from '../emit-context.js';
import { emitCallBlock } from './call-block.js';
import { emitCallTag } from './call-tag.js';
import { emitCapture } from './capture.js';
import { emitFilterBlock } from './filter-block.js';
import { emitFor } from './for.js';
import { emitFork } from './fork.js';
import { emitIf } from './if.js';
import { emitInclude } from './include.js';
import { emitMacro } from './macro.js';
import { emitOutput } from './output.js';
import { emitRole } from './role.js';
import { emitSet } from './set.js';
import { emitText } from './text.js';

/**
 * One code emitter per statement kind, each the counterpart of the interpreter's executor of
 * that kind (src/runtime/interpreter/stmts/); the mapped type makes a missing kind an error.
 */
export const statementEmitters: {
  [K in Stmt['kind']]: (stmt: Extract<Stmt, { kind: K }>, ec: EmitContext) => void;
} = {
  text: emitText,
  output: emitOutput,
  if: emitIf,
  for: emitFor,
  set: emitSet,
  capture: emitCapture,
  include: emitInclude,
  macro: emitMacro,
  callTag: emitCallTag,
  filterBlock: emitFilterBlock,
  fork: emitFork,
  role: emitRole,
  callBlock: emitCallBlock,
};
