import type { CallExpr, Expr } from '../../syntax/ast.js';
import type { BuiltinName } from '../ir.js';
import { checkArgRule } from '../arg-rules.js';
import { builtinCallee } from '../builtin-callee.js';
import { builtinSignatures } from '../builtin-signatures.js';
import { staticValueOfExpr } from '../static-value.js';
import { unknownSchemaArgs } from '../unknown-schema-args.js';
import type { CheckContext, TemplateCheck } from './check.js';
import { walkAst } from './ast-walk.js';
import { assistantPrefixNames, optionNames } from '../../backends/option-names.js';

/** `maxTokens` in a `.ot` file: the TypeScript spelling of `max_tokens`. */
function spellingHint(name: string): string {
  const table: Record<string, string> = { ...optionNames, ...assistantPrefixNames };
  const snake = Object.hasOwn(table, name) ? table[name] : undefined;
  return snake !== undefined && snake !== name
    ? ` (\`${name}\` is the TypeScript spelling; a .ot file writes \`${snake}\`)`
    : '';
}

/**
 * OT2008: a builtin call whose arguments do not fit its signature (LANGUAGE.md §6): too many
 * positional arguments, an unknown or repeated keyword, a missing required argument (front matter
 * `defaults` can supply it), or a literal of the wrong type. OT2011: `schema="Name"` naming no
 * declared schema.
 */
export const checkBuiltinArguments: TemplateCheck = (ctx) => {
  walkAst(ctx.ast.body, {
    expr: (expr) => {
      if (expr.type !== 'Call') return;
      const name = builtinCallee(expr, ctx.shadowedBuiltins);
      if (name !== null) checkCall(expr, name, ctx);
    },
  });
};

function checkCall(call: CallExpr, builtin: BuiltinName, ctx: CheckContext): void {
  const signature = builtinSignatures[builtin];
  const fail = (span: Expr['span'], reason: string) =>
    ctx.report('OT2008', span, { builtin, reason });
  const given = new Map<string, Expr>();

  call.args.forEach((arg, index) => {
    const param = signature.positional[index];
    if (param === undefined) {
      const count = signature.positional.length;
      fail(
        arg.span,
        `takes at most ${count} positional argument${count === 1 ? '' : 's'} (${signature.positional.join(', ')})`,
      );
    } else {
      given.set(param, arg);
    }
  });

  const seenInputs = new Set<string>();
  for (const kwarg of call.kwargs) {
    const name = kwarg.name.name;
    const known = Object.hasOwn(signature.keywords, name);
    if (!known && !signature.inputKeywords) {
      fail(
        kwarg.name.span,
        `unknown argument \`${name}\`; expected ${Object.keys(signature.keywords).join(', ')}${spellingHint(name)}`,
      );
      continue;
    }
    if (given.has(name) || seenInputs.has(name)) {
      fail(kwarg.name.span, `argument \`${name}\` is given twice`);
      continue;
    }
    if (known) given.set(name, kwarg.value);
    else seenInputs.add(name);
  }

  for (const [param, value] of given) {
    const problem = checkArgRule(signature.keywords[param]!, staticValueOfExpr(value));
    if (problem !== null) {
      fail(value.span, `\`${param}\` ${problem}`);
      continue;
    }
    if (param === 'schema' && value.type === 'Literal') {
      const unknown = unknownSchemaArgs(value.value, ctx.meta.schemas);
      if (unknown) ctx.report('OT2011', value.span, unknown);
    }
  }

  const defaults = ctx.meta.defaults[builtin] ?? {};
  for (const required of signature.required) {
    if (!given.has(required) && !Object.hasOwn(defaults, required)) {
      fail(call.span, `missing required argument \`${required}\``);
    }
  }
}
