import type { CheckContext, TemplateCheck } from './check.js';
import { checkBuiltinArguments } from './builtin-arguments.js';
import { checkBuiltinOutsideCallBlock } from './builtin-outside-call-block.js';
import { checkInputShadowsBuiltin } from './input-shadows-builtin.js';
import { checkOutputVariable } from './output-variable.js';
import { checkReservedNames } from './reserved-names.js';
import { checkUndefinedVariables } from './undefined-variable.js';
import { checkUnknownBuiltins } from './unknown-builtin.js';
import { checkUnknownFilters } from './unknown-filter.js';
import { checkUnknownTests } from './unknown-test.js';

export type { CheckContext, TemplateCheck } from './check.js';

/** Every semantic check, run in this order on each template after lowering. */
export const templateChecks: readonly TemplateCheck[] = [
  checkUnknownBuiltins,
  checkBuiltinOutsideCallBlock,
  checkReservedNames,
  checkUndefinedVariables,
  checkInputShadowsBuiltin,
  checkUnknownFilters,
  checkUnknownTests,
  checkBuiltinArguments,
  checkOutputVariable,
];

/** Runs every check on one template. */
export function runTemplateChecks(ctx: CheckContext): void {
  for (const check of templateChecks) check(ctx);
}
