import type { ast } from 'ot-lang/tools';
import { assertNever } from '../assert-never.js';
import type { Binding, Variable } from './symbols.js';

/** The globals that are ot's own rather than nunjucks'. */
const globalDetails: Readonly<Record<string, string>> = {
  image: 'ot global: image(source, media_type=none), placed in the prompt by {{ }}',
};

/** A one-line description of where a variable comes from, e.g. `input: string`, `bound by generate_text`. */
export function variableDetail(variable: Variable): string {
  if (variable.implicit !== null) {
    switch (variable.implicit) {
      case 'global':
        return globalDetails[variable.name] ?? 'nunjucks global';
      case 'loopObject':
        return 'the current loop';
      case 'caller':
        return 'the body of the `{% call %}` tag that called this macro';
      default:
        return assertNever(variable.implicit);
    }
  }
  const binding = variable.bindings[0];
  return binding ? bindingDetail(binding) : 'variable';
}

/** How one binding binds its name. */
export function bindingDetail(binding: Binding): string {
  switch (binding.kind) {
    case 'input':
      return 'input';
    case 'set':
      return 'set';
    case 'capture':
      return 'captured by `{% set %}`';
    case 'loop':
      return 'loop variable';
    case 'macro':
      return macroSignature(binding.node);
    case 'param':
      return binding.node?.type === 'Macro'
        ? `parameter of macro ${binding.node.name.name}`
        : 'parameter';
    case 'callerParam':
      return 'parameter of the `{% call %}` body';
    case 'callBound':
      return `bound by ${builtinsOf(binding.node).join(' + ') || 'a call block'}`;
    default:
      return assertNever(binding.kind);
  }
}

/** `macro name(a, b=…)` for a macro node. */
export function macroSignature(node: ast.Node | null): string {
  if (node?.type !== 'Macro') return 'macro';
  const params = node.params.map((param) =>
    param.defaultValue ? `${param.name.name}=…` : param.name.name,
  );
  return `macro ${node.name.name}(${params.join(', ')})`;
}

/** The builtins a call block calls at its top level, e.g. `generate_text`. */
function builtinsOf(node: ast.Node | null): string[] {
  if (node?.type !== 'CallBlock') return [];
  return node.terms.flatMap((term) =>
    term.type === 'Call' && term.callee.type === 'Name' ? [term.callee.name] : [],
  );
}
