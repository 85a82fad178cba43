import type { Stmt } from '../../ir/ir.js';
import { deferStatement } from '../../runtime/interpreter/defer.js';
import type { ExecState, Value } from '../../runtime/interpreter/exec-state.js';
import { ownText } from '../../runtime/interpreter/output-buffer.js';
import { isUnsettled, settle, whenAllKnown } from '../../runtime/interpreter/pending.js';
import { withSpan } from '../../runtime/interpreter/runtime-error.js';
import { captureBuffer } from '../../runtime/interpreter/stmts/capture.js';
import { applyFilter, renderOutput } from '../../runtime/interpreter/values.js';
import type { Span } from '../../source/span.js';
import { compiledTemplateOf, type CompiledTemplate } from './compiled-template.js';
import type { Body } from './control.js';
import { splitValues } from './values.js';
import { enterTemplate } from '../../runtime/active-templates.js';
import { isPathRefusal } from '../../runtime/path-refusal.js';

/**
 * `{% include "x.ot" %}` of a template compiled into the module, as the interpreter's
 * `runIncluded`: inlined (its calls see the including prefix), seeing the including variables,
 * its own `set`s kept inside it.
 */
export function include(state: ExecState, compiled: CompiledTemplate, span?: Span): void {
  const run = span
    ? enterTemplate(state.run, 'include', compiled.template, { file: state.template.path, span })
    : state.run;
  const frame = state.frame.push(true);
  frame.topLevel = true;
  compiled.render({
    ...state,
    run,
    template: compiled.template,
    frame,
    context: state.context.snapshot(),
    inLoop: false,
  });
}

/**
 * `{% include path %}` with a computed path: deferred until the path is known, then found among
 * the module's templates (a compiled module cannot read and compile other files).
 */
export function includeComputed(
  state: ExecState,
  skeleton: Stmt,
  path: Value,
  ignoreMissing: boolean,
  span: Span,
): void {
  const value = settle(path);
  if (isUnsettled(value)) {
    deferStatement(skeleton, state, value, (deferred, known) =>
      includeByPath(deferred, known, ignoreMissing, span),
    );
    return;
  }
  includeByPath(state, value, ignoreMissing, span);
}

function includeByPath(state: ExecState, path: unknown, ignoreMissing: boolean, span: Span): void {
  let compiled: CompiledTemplate | undefined;
  try {
    compiled = compiledTemplateOf(
      state.run.loadTemplate(
        String(path),
        state.template,
        { file: state.template.path, span },
        'include',
      ),
    );
  } catch (error) {
    // `ignore missing` forgives a missing file, never a refused path.
    if (ignoreMissing && !isPathRefusal(error)) return;
    throw error;
  }
  if (compiled) include(state, compiled, span);
}

/** `{% set x %}…{% endset %}`: runs the body into a buffer after the current prefix; returns its text. */
export function capture(state: ExecState, body: Body): Value {
  const buffer = captureBuffer(state);
  body({ ...state, out: buffer });
  return ownText(buffer);
}

/** `{% filter name(args) %}…{% endfilter %}`, as `execFilterBlock`: the arguments are evaluated after the body. */
export function filterBlock(
  state: ExecState,
  name: string,
  body: Body,
  args: (state: ExecState) => Value[],
  kwargNames: readonly string[],
  span: Span,
): void {
  const buffer = captureBuffer(state);
  body({ ...state, out: buffer });
  const result = whenAllKnown([ownText(buffer), ...args(state)], (values) => {
    const [text, ...rest] = values;
    const split = splitValues(rest, kwargNames);
    return renderOutput(
      withSpan(span, state, () => applyFilter(name, text, split.args, split.kwargs)),
    );
  });
  state.out.write(result as string);
}
