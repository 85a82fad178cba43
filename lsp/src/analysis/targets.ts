import type { ast } from 'ot-lang/tools';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { forEachNode } from 'ot-lang/tools';
import type { SymbolIndex } from './symbols.js';

/** A string literal that names another file: `{% include "x.ot" %}` or `flow("x.ot")`. */
export interface FileReference {
  kind: 'include' | 'flow';
  literal: ast.LiteralExpr & { value: string };
  /** The path it names, resolved against the document's folder. */
  target: string;
  /** For `flow()`: the call, whose keyword arguments are the other file's inputs. */
  call: ast.CallExpr | null;
}

/** A `schema="Name"` argument of `generate_object`. */
export interface SchemaReference {
  name: string;
  literal: ast.LiteralExpr;
}

/** Every literal include and `flow()` path of a template, in source order. */
export function fileReferences(
  template: ast.TemplateNode,
  symbols: SymbolIndex,
  path: string,
): FileReference[] {
  const found: FileReference[] = [];
  forEachNode(template.body, (node) => {
    if (node.type === 'Include' && isStringLiteral(node.template)) {
      found.push({
        kind: 'include',
        literal: node.template,
        target: resolve(path, node.template.value),
        call: null,
      });
    }
  });
  for (const builtin of symbols.builtins) {
    if (builtin.name !== 'flow') continue;
    const argument =
      builtin.call.args[0] ??
      builtin.call.kwargs.find((kwarg) => kwarg.name.name === 'path')?.value;
    if (argument && isStringLiteral(argument)) {
      found.push({
        kind: 'flow',
        literal: argument,
        target: resolve(path, argument.value),
        call: builtin.call,
      });
    }
  }
  return found.sort((a, b) => a.literal.span.start - b.literal.span.start);
}

/** Every literal `schema="…"` of a template's `generate_object` calls. */
export function schemaReferences(symbols: SymbolIndex): SchemaReference[] {
  const found: SchemaReference[] = [];
  for (const keyword of symbols.builtinKeywords) {
    if (keyword.builtin !== 'generate_object' || keyword.name.name !== 'schema') continue;
    const value = keyword.call.kwargs.find((kwarg) => kwarg.name === keyword.name)?.value;
    if (value && isStringLiteral(value)) found.push({ name: value.value, literal: value });
  }
  return found;
}

function isStringLiteral(expr: ast.Expr): expr is ast.LiteralExpr & { value: string } {
  return expr.type === 'Literal' && typeof expr.value === 'string';
}

/** A path relative to the file that names it, as lowering resolves it. */
function resolve(from: string, target: string): string {
  return isAbsolute(target) ? normalize(target) : join(dirname(from), target);
}
