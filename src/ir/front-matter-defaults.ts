import { isMap, isScalar } from 'yaml';
import type { Span } from '../source/span.js';
import type { JsonSchema } from './ir.js';
import type { FrontMatterContext } from './front-matter-context.js';
import { checkArgRule } from './arg-rules.js';
import { builtinNames, isBuiltinName } from './builtins.js';
import { builtinSignatures } from './builtin-signatures.js';
import { staticValueOf } from './static-value.js';
import { unknownSchemaArgs } from './unknown-schema-args.js';

/**
 * Lowers `defaults:`: builtin name → default keyword arguments, each checked against the
 * builtin's signature. `prompt` has no default (it is the prefix), and `flow` has none (its
 * keywords are the called template's inputs).
 */
export function lowerDefaults(
  node: unknown,
  keySpan: Span,
  schemas: Record<string, JsonSchema>,
  fm: FrontMatterContext,
): Record<string, Record<string, unknown>> {
  const defaults: Record<string, Record<string, unknown>> = {};
  if (isScalar(node) && node.value === null) return defaults;
  if (!isMap(node)) {
    fm.report('OT2004', fm.spanOf(node, keySpan), {
      reason: '`defaults` must be a map of builtin names to keyword arguments',
    });
    return defaults;
  }
  for (const pair of node.items) {
    const nameSpan = fm.spanOf(pair.key, keySpan);
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!isBuiltinName(name) || name === 'flow') {
      fm.report('OT2004', nameSpan, {
        reason:
          name === 'flow'
            ? '`flow` takes no defaults; pass its inputs in the call'
            : `unknown builtin \`${name}\` in \`defaults\`; expected one of ${builtinNames.filter((b) => b !== 'flow').join(', ')}`,
      });
      continue;
    }
    if (!isMap(pair.value)) {
      fm.report('OT2004', fm.spanOf(pair.value, nameSpan), {
        reason: `\`defaults.${name}\` must be a map of keyword arguments`,
      });
      continue;
    }
    const signature = builtinSignatures[name];
    const allowed = Object.keys(signature.keywords).filter((keyword) => keyword !== 'prompt');
    const args: Record<string, unknown> = {};
    for (const argPair of pair.value.items) {
      const argSpan = fm.spanOf(argPair.key, nameSpan);
      const arg = isScalar(argPair.key) ? String(argPair.key.value) : '';
      if (!allowed.includes(arg)) {
        fm.report('OT2004', argSpan, {
          reason: `\`${name}\` has no argument \`${arg}\` to default; expected one of ${allowed.join(', ')}`,
        });
        continue;
      }
      const valueSpan = fm.spanOf(argPair.value, argSpan);
      const value = fm.valueOf(argPair.value, argSpan);
      if (value === undefined) continue;
      const problem = checkArgRule(signature.keywords[arg]!, staticValueOf(value));
      if (problem !== null) {
        fm.report('OT2004', valueSpan, { reason: `\`defaults.${name}.${arg}\` ${problem}` });
        continue;
      }
      const unknownSchema = arg === 'schema' ? unknownSchemaArgs(value, schemas) : null;
      if (unknownSchema) fm.report('OT2011', valueSpan, unknownSchema);
      args[arg] = value;
    }
    defaults[name] = args;
  }
  return defaults;
}
