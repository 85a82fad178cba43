import type { Stmt } from '../../../ir/ir.js';
import type { ExecState } from '../exec-state.js';
import { execCallBlock } from './call-block.js';
import { execCallTag } from './call-tag.js';
import { execCapture } from './capture.js';
import { execFilterBlock } from './filter-block.js';
import { execFor } from './for.js';
import { execFork } from './fork.js';
import { execIf } from './if.js';
import { execInclude } from './include.js';
import { execMacro } from './macro.js';
import { execOutput } from './output.js';
import { execRole } from './role.js';
import { execSet } from './set.js';
import { execText } from './text.js';

/** One executor per statement kind; the mapped type makes a missing kind a compile error. */
export const statementExecutors: {
  [K in Stmt['kind']]: (stmt: Extract<Stmt, { kind: K }>, state: ExecState) => void;
} = {
  text: execText,
  output: execOutput,
  if: execIf,
  for: execFor,
  set: execSet,
  capture: execCapture,
  include: execInclude,
  macro: execMacro,
  callTag: execCallTag,
  filterBlock: execFilterBlock,
  fork: execFork,
  role: execRole,
  callBlock: execCallBlock,
};
