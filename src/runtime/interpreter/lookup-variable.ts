import { isForbiddenName } from '../jinja/forbidden-names.js';
import { JinjaError } from '../jinja/jinja-error.js';
import type { ExecState, Value } from './exec-state.js';
import { lookupName } from './frame.js';
import { findLexical } from './lexical-scope.js';

/**
 * A variable, as `name` evaluates in the interpreter and in generated code: a forbidden name is
 * OT4001 (the sandbox); then a loop target or positional macro parameter in scope (which nunjucks
 * compiles to a JavaScript variable), else the frames, then the context (inputs, top-level
 * sets, globals). Every store is prototype-free, so only own names are found.
 */
export function lookupVariable(state: ExecState, name: string): Value {
  if (isForbiddenName(name)) throw new JinjaError('OT4001', { name });
  const scope = state.lexical ? findLexical(state.lexical, name) : null;
  return scope ? scope.names[name] : lookupName(state.context, state.frame, name);
}
