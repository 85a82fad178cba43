import type { Stmt, TemplateIR } from '../../ir/ir.js';
import type { Span } from '../../source/span.js';
import type { EmitContext } from './emit-context.js';
import { ExprEmitter } from './expr.js';
import { FunctionScope } from './function-scope.js';
import type { ModuleContext } from './module-context.js';
import { statementEmitters } from './stmts/index.js';
import { CodeWriter } from './writer.js';

/**
 * The body of one generated function running `stmts` against the ExecState `state`. Errors are
 * located as the interpreter's `execStmt` locates them: each statement records where it starts
 * (`at`), and an error that does not already name a place is given that statement's span.
 */
export function emitFunctionBody(module: ModuleContext, template: TemplateIR, stmts: readonly Stmt[], state = 's'): string {
  const scope = new FunctionScope();
  const out = new CodeWriter();
  let firstAt: number | null = null;
  const ec: EmitContext = {
    module,
    template,
    scope,
    expr: new ExprEmitter(module, scope, template.path),
    out,
    state,
    at(span: Span) {
      const index = module.spanNumber(template.path, span);
      firstAt ??= index;
      out.line(`at = ${index};`);
    },
    body(body: readonly Stmt[]) {
      for (const stmt of body) (statementEmitters[stmt.kind] as (stmt: Stmt, ec: EmitContext) => void)(stmt, ec);
    },
    arrow(body: readonly Stmt[], bodyTemplate: TemplateIR = template) {
      const code = emitFunctionBody(module, bodyTemplate, body, state);
      return code === '' ? `(${state}) => {}` : `(${state}) => {\n${indent(code)}}`;
    },
    comment(span: Span) {
      out.line(`// ${excerpt(module, template.path, span)}`);
    },
  };
  ec.body(stmts);

  const code = out.toString().replace(/\n$/, '');
  if (code === '') return '';
  const lines: string[] = [];
  if (scope.temps.length > 0) lines.push(`let ${scope.temps.join(', ')};`);
  if (firstAt === null) return [...lines, code].join('\n') + '\n';
  lines.push(`let at = ${firstAt};`, 'try {', indent(code).replace(/\n$/, ''), '} catch (error) {', `  throw locateError(error, SPAN[at], ${state}.template.path);`, '}');
  return `${lines.join('\n')}\n`;
}

function indent(code: string): string {
  return code
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n');
}

/** The first line of a statement's source and its location, for a comment. */
function excerpt(module: ModuleContext, file: string, span: Span): string {
  const text = module.sources[file]?.text.slice(span.start, span.end) ?? '';
  let first = text.split(/\r?\n/)[0]!.trim();
  if (first.length > 90) first = `${first.slice(0, 89)}…`;
  return `${first}  (${module.locate(file, span.start)})`;
}
