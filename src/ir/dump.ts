import { assertNever } from '../assert-never.js';
import { positionAt, type SourceFile } from '../source/source-file.js';
import type { Span } from '../source/span.js';
import type { Expr, KeywordArgIR, ParamIR, ProgramIR, Stmt, TemplateIR } from './ir.js';

/**
 * A stable, readable text form of the IR for golden tests and `--dump-ir`-style debugging: one
 * node per line, indented by two spaces per level, each with its span as `line:col-line:col`
 * (or raw offsets when the file's text is not given). Labels such as `test:` say which child of
 * its parent a node is.
 */
export function dumpIR(
  node: ProgramIR | TemplateIR,
  sources: Readonly<Record<string, SourceFile>> = {},
): string {
  const lines: string[] = [];
  if (node.kind === 'program') {
    lines.push(`program entry=${node.entry}`);
    // The entry first, then the others by path, so the dump does not depend on load order.
    const others = Object.keys(node.templates)
      .filter((key) => key !== node.entry)
      .sort();
    for (const key of [node.entry, ...others]) {
      const template = node.templates[key];
      if (template) dumpTemplate(template, sources[template.path], 1, lines);
    }
  } else {
    dumpTemplate(node, sources[node.path], 0, lines);
  }
  return lines.join('\n') + '\n';
}

function dumpTemplate(
  template: TemplateIR,
  file: SourceFile | undefined,
  depth: number,
  lines: string[],
): void {
  const at = (span: Span) => formatSpan(span, file);
  const emit = (level: number, text: string, span?: Span) =>
    lines.push(`${'  '.repeat(level)}${text}${span ? ` ${at(span)}` : ''}`);

  emit(depth, `template ${template.path}${template.hasRoles ? ' hasRoles' : ''}`, template.span);
  const meta = template.meta;
  if (meta.description !== null) emit(depth + 1, `description ${JSON.stringify(meta.description)}`);
  for (const [name, spec] of Object.entries(meta.inputs)) {
    const requirement = spec.required ? 'required' : `default=${JSON.stringify(spec.default)}`;
    emit(depth + 1, `input ${name} ${JSON.stringify(spec.schema)} ${requirement}`, spec.span);
  }
  if (meta.output !== null) emit(depth + 1, `output ${meta.output}`);
  for (const [name, schema] of Object.entries(meta.schemas)) {
    emit(depth + 1, `schema ${name} ${JSON.stringify(schema)}`);
  }
  for (const [builtin, args] of Object.entries(meta.defaults)) {
    emit(depth + 1, `defaults ${builtin} ${JSON.stringify(args)}`);
  }
  if (meta.backend !== null) emit(depth + 1, `backend ${JSON.stringify(meta.backend)}`);

  const stmts = (body: readonly Stmt[], level: number) => {
    for (const stmt of body) dumpStmt(stmt, level);
  };
  const params = (list: readonly ParamIR[], level: number) => {
    for (const param of list) {
      emit(level, `param ${param.name}`, param.span);
      if (param.defaultValue) dumpExpr(param.defaultValue, level + 1, 'default: ');
    }
  };
  const kwargs = (list: readonly KeywordArgIR[], level: number) => {
    for (const kwarg of list) dumpExpr(kwarg.value, level, `${kwarg.name}= `);
  };

  const dumpStmt = (stmt: Stmt, level: number): void => {
    switch (stmt.kind) {
      case 'text':
        emit(level, `text ${JSON.stringify(stmt.value)}`, stmt.span);
        return;
      case 'output':
        emit(level, 'output', stmt.span);
        dumpExpr(stmt.expr, level + 1);
        return;
      case 'if':
        emit(level, 'if', stmt.span);
        for (const branch of stmt.branches) {
          emit(level + 1, 'branch', branch.span);
          dumpExpr(branch.test, level + 2, 'test: ');
          stmts(branch.body, level + 2);
        }
        if (stmt.otherwise) {
          emit(level + 1, 'else');
          stmts(stmt.otherwise, level + 2);
        }
        return;
      case 'for':
        emit(level, `for ${stmt.targets.join(', ')}`, stmt.span);
        dumpExpr(stmt.iterable, level + 1, 'in: ');
        stmts(stmt.body, level + 1);
        if (stmt.otherwise) {
          emit(level + 1, 'else');
          stmts(stmt.otherwise, level + 2);
        }
        return;
      case 'set':
        emit(level, `set ${stmt.targets.join(', ')}`, stmt.span);
        dumpExpr(stmt.value, level + 1);
        return;
      case 'capture':
        emit(level, `capture ${stmt.targets.join(', ')}`, stmt.span);
        stmts(stmt.body, level + 1);
        return;
      case 'include':
        emit(
          level,
          `include ${stmt.resolved === null ? '(unresolved)' : `-> ${stmt.resolved}`}${stmt.ignoreMissing ? ' ignore-missing' : ''}`,
          stmt.span,
        );
        dumpExpr(stmt.template, level + 1);
        return;
      case 'macro':
        emit(level, `macro ${stmt.name}`, stmt.span);
        params(stmt.params, level + 1);
        stmts(stmt.body, level + 1);
        return;
      case 'callTag':
        emit(level, 'callTag', stmt.span);
        params(stmt.callerParams, level + 1);
        dumpExpr(stmt.call, level + 1, 'call: ');
        stmts(stmt.body, level + 1);
        return;
      case 'filterBlock':
        emit(level, `filterBlock ${stmt.name}`, stmt.span);
        for (const arg of stmt.args) dumpExpr(arg, level + 1, 'arg: ');
        kwargs(stmt.kwargs, level + 1);
        stmts(stmt.body, level + 1);
        return;
      case 'fork':
        if (stmt.mode === 'branches') {
          emit(level, 'fork branches', stmt.span);
          for (const branch of stmt.branches) {
            emit(level + 1, 'branch', branch.span);
            stmts(branch.body, level + 2);
          }
        } else {
          emit(level, 'fork loop', stmt.span);
          dumpStmt(stmt.loop, level + 1);
        }
        return;
      case 'role':
        emit(level, `role ${stmt.role}`, stmt.span);
        stmts(stmt.body, level + 1);
        return;
      case 'callBlock':
        emit(level, `callBlock${stmt.target === null ? '' : ` ${stmt.target} =`}`, stmt.span);
        for (const term of stmt.terms) dumpExpr(term, level + 1, 'term: ');
        return;
      default:
        assertNever(stmt);
    }
  };

  const dumpExpr = (expr: Expr, level: number, label = ''): void => {
    const line = (text: string) => emit(level, `${label}${text}`, expr.span);
    switch (expr.kind) {
      case 'literal':
        line(`literal ${expr.value === null ? 'none' : JSON.stringify(expr.value)}`);
        return;
      case 'name':
        line(`name ${expr.name}`);
        return;
      case 'list':
        line('list');
        for (const item of expr.items) dumpExpr(item, level + 1);
        return;
      case 'dict':
        line('dict');
        for (const entry of expr.entries) {
          dumpExpr(entry.key, level + 1, 'key: ');
          dumpExpr(entry.value, level + 1, 'value: ');
        }
        return;
      case 'member':
        line(`member .${expr.property}`);
        dumpExpr(expr.object, level + 1);
        return;
      case 'index':
        line('index');
        dumpExpr(expr.object, level + 1);
        dumpExpr(expr.index, level + 1, 'index: ');
        return;
      case 'slice':
        line('slice');
        dumpExpr(expr.object, level + 1);
        if (expr.start) dumpExpr(expr.start, level + 1, 'start: ');
        if (expr.stop) dumpExpr(expr.stop, level + 1, 'stop: ');
        if (expr.step) dumpExpr(expr.step, level + 1, 'step: ');
        return;
      case 'call':
        line('call');
        dumpExpr(expr.callee, level + 1, 'callee: ');
        for (const arg of expr.args) dumpExpr(arg, level + 1, 'arg: ');
        kwargs(expr.kwargs, level + 1);
        return;
      case 'builtinCall':
        line(`builtinCall ${expr.name}${expr.resolved === null ? '' : ` -> ${expr.resolved}`}`);
        for (const arg of expr.args) dumpExpr(arg, level + 1, 'arg: ');
        kwargs(expr.kwargs, level + 1);
        return;
      case 'filter':
        line(`filter ${expr.name}`);
        dumpExpr(expr.target, level + 1);
        for (const arg of expr.args) dumpExpr(arg, level + 1, 'arg: ');
        kwargs(expr.kwargs, level + 1);
        return;
      case 'test':
        line(`test ${expr.negated ? 'not ' : ''}${expr.name}`);
        dumpExpr(expr.target, level + 1);
        for (const arg of expr.args) dumpExpr(arg, level + 1, 'arg: ');
        return;
      case 'unary':
        line(`unary ${expr.operator}`);
        dumpExpr(expr.operand, level + 1);
        return;
      case 'binary':
        line(`binary ${expr.operator}`);
        dumpExpr(expr.left, level + 1);
        dumpExpr(expr.right, level + 1);
        return;
      case 'compare':
        line('compare');
        dumpExpr(expr.first, level + 1);
        for (const part of expr.rest) dumpExpr(part.expr, level + 1, `${part.operator} `);
        return;
      case 'conditional':
        line('conditional');
        dumpExpr(expr.test, level + 1, 'if: ');
        dumpExpr(expr.then, level + 1, 'then: ');
        if (expr.otherwise) dumpExpr(expr.otherwise, level + 1, 'else: ');
        return;
      default:
        assertNever(expr);
    }
  };

  stmts(template.body, depth + 1);
}

function formatSpan(span: Span, file: SourceFile | undefined): string {
  if (!file) return `@${span.start}-${span.end}`;
  const start = positionAt(file, span.start);
  const end = positionAt(file, span.end);
  return `@${start.line}:${start.column}-${end.line}:${end.column}`;
}
