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
export function emitFunctionBody(
  module: ModuleContext,
  template: TemplateIR,
  stmts: readonly Stmt[],
  state = 's',
  returnText = false,
): string {
  const scope = new FunctionScope();
  const out = new CodeWriter();
  let firstAt: number | null = null;
  // Lines `text += …;` still in the code, and the last one if nothing came after it.
  let textLines = 0;
  let lastWrite: { line: number; code: string; alone: boolean } | null = null;
  const ec: EmitContext = {
    module,
    template,
    scope,
    expr: new ExprEmitter(module, scope, template.path),
    out,
    state,
    at(span: Span) {
      const index = module.spanNumber(template.path, span);
      // The first statement that can fail needs no assignment: \`at\` starts there.
      if (firstAt === null) firstAt = index;
      else out.line(`at = ${index};`);
    },
    body(body: readonly Stmt[]) {
      for (const stmt of body) {
        // Only text and known outputs add to the pending text; anything else sees the output as it is.
        if (!writesKnownText(stmt, module, template)) ec.flush();
        (statementEmitters[stmt.kind] as (stmt: Stmt, ec: EmitContext) => void)(stmt, ec);
      }
    },
    arrow(body: readonly Stmt[], bodyTemplate: TemplateIR = template) {
      const code = emitFunctionBody(module, bodyTemplate, body, state);
      return code === '' ? `(${state}) => {}` : `(${state}) => {\n${indent(code)}}`;
    },
    textArrow(body: readonly Stmt[]) {
      return `(${state}) => {\n${indent(emitFunctionBody(module, template, body, state, true))}}`;
    },
    comment(span: Span) {
      out.line(`// ${excerpt(module, template.path, span)}`);
    },
    pendingText: false,
    write(code: string) {
      lastWrite = { line: out.length, code, alone: !ec.pendingText };
      textLines++;
      ec.pendingText = true;
      out.line(`text += ${code};`);
    },
    flush() {
      if (!ec.pendingText) return;
      ec.pendingText = false;
      if (lastWrite && lastWrite.alone && lastWrite.line === out.length - 1) {
        // A single piece since the last flush, just written: write it directly.
        out.replaceLine(lastWrite.line, `${state}.out.write(${lastWrite.code});`);
        textLines--;
        lastWrite = null;
        return;
      }
      lastWrite = null;
      out.line(`${state}.out.write(text);`);
      out.line(`text = '';`);
    },
  };
  ec.body(stmts);
  if (returnText) {
    textLines++;
    out.line('return text;');
  } else {
    ec.flush();
  }

  const code = out.toString().replace(/\n$/, '');
  if (code === '') return '';
  const lines: string[] = [];
  // Known text collects here and reaches the output in one piece (see EmitContext.write).
  if (textLines > 0) lines.push(`let text = '';`);
  if (scope.temps.length > 0) lines.push(`let ${scope.temps.join(', ')};`);
  if (firstAt === null) return [...lines, code].join('\n') + '\n';
  lines.push(
    `let at = ${firstAt};`,
    'try {',
    indent(code).replace(/\n$/, ''),
    '} catch (error) {',
    `  throw locateError(error, SPAN[at], ${state}.template.path);`,
    '}',
  );
  return `${lines.join('\n')}\n`;
}

/**
 * Statements that only append known text or never touch the output: text (but in a template
 * with role blocks), a static `if` whose branches are such statements, `set` of a known value, a
 * macro definition. Everything else flushes.
 */
export function writesKnownText(stmt: Stmt, module: ModuleContext, template: TemplateIR): boolean {
  const facts = module.facts;
  switch (stmt.kind) {
    case 'text':
      return !template.hasRoles;
    case 'output':
      // An output that may be an image writes through the buffer (emitOutput).
      if (facts.images) return false;
      return !facts.mayPend(stmt.expr) && !callsMacro(stmt, module);
    case 'set':
      return !facts.mayPend(stmt.value) && !callsMacro(stmt, module);
    case 'macro':
      return true;
    case 'if':
      return (
        !stmt.branches.some((branch) => facts.mayPend(branch.test)) &&
        stmt.branches.every((branch) =>
          branch.body.every((s) => writesKnownText(s, module, template)),
        ) &&
        (stmt.otherwise ?? []).every((s) => writesKnownText(s, module, template))
      );
    default:
      return false;
  }
}

/**
 * True when evaluating the statement may run a macro that makes calls (its calls would read the
 * prefix). Macros that cannot write pending text make no calls, and their prefix is never read.
 */
function callsMacro(stmt: Stmt, module: ModuleContext): boolean {
  return module.facts.macros && stmt.kind !== 'text';
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
