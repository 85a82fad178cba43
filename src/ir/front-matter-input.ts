import { isMap, isScalar } from 'yaml';
import type { Span } from '../source/span.js';
import type { InputSpec, JsonSchema } from './ir.js';
import type { FrontMatterContext } from './front-matter-context.js';
import { isIdentifier } from './identifier.js';
import { isForbiddenName } from '../runtime/jinja/forbidden-names.js';
import { normaliseSchemaType, shortInputTypeNames, shortInputTypes } from './input-types.js';
import { jsonSchemaProblem, schemaMismatch } from './json-schema-check.js';

/** Lowers `input:`: a map of input name → short type, JSON Schema, or `{type, default}`. */
export function lowerInputs(
  node: unknown,
  keySpan: Span,
  fm: FrontMatterContext,
): Record<string, InputSpec> {
  const inputs: Record<string, InputSpec> = {};
  if (isScalar(node) && node.value === null) return inputs;
  if (!isMap(node)) {
    fm.report('OT2004', fm.spanOf(node, keySpan), {
      reason: '`input` must be a map of input names to types',
    });
    return inputs;
  }
  for (const pair of node.items) {
    const nameSpan = fm.spanOf(pair.key, keySpan);
    const name = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof name !== 'string' || !isIdentifier(name)) {
      fm.report('OT2004', nameSpan, {
        reason: `input name ${JSON.stringify(String(name))} is not a valid variable name`,
      });
      continue;
    }
    if (isForbiddenName(name)) {
      // The sandbox: such an input would be dropped or reach JavaScript internals.
      fm.report('OT2016', nameSpan, { name });
      continue;
    }
    inputs[name] = lowerInputSpec(name, pair.value, nameSpan, fm);
  }
  return inputs;
}

function lowerInputSpec(
  name: string,
  node: unknown,
  nameSpan: Span,
  fm: FrontMatterContext,
): InputSpec {
  // An input whose type is wrong is still declared (as `any`): the error is reported once here,
  // not again as an undefined variable at every use.
  const untyped: InputSpec = { schema: {}, required: true, span: nameSpan };
  const valueSpan = fm.spanOf(node, nameSpan);
  const value = fm.valueOf(node, nameSpan);
  // `name:` with no type declares the input without constraining it.
  if (value === null) return untyped;
  if (typeof value === 'string') {
    const schema = Object.hasOwn(shortInputTypes, value) ? shortInputTypes[value] : undefined;
    if (schema === undefined) {
      fm.report('OT2004', valueSpan, {
        reason: `unknown type ${JSON.stringify(value)} for input \`${name}\`; expected ${shortInputTypeNames.join(', ')} or a JSON Schema`,
      });
      return untyped;
    }
    return { schema: structuredClone(schema), required: true, span: nameSpan };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    if (value !== undefined) {
      fm.report('OT2004', valueSpan, {
        reason: `the type of input \`${name}\` must be a type name or a JSON Schema map`,
      });
    }
    return untyped;
  }

  const { default: defaultValue, ...rest } = value as Record<string, unknown>;
  const hasDefault = Object.hasOwn(value, 'default');
  const schema: JsonSchema = normaliseSchemaType(rest);
  const problem = jsonSchemaProblem(schema);
  if (problem !== null) {
    fm.report('OT2004', valueSpan, {
      reason: `the type of input \`${name}\` is not a valid JSON Schema: ${problem}`,
    });
    return untyped;
  }
  if (!hasDefault) return { schema, required: true, span: nameSpan };
  const mismatch = schemaMismatch(defaultValue, schema);
  if (mismatch !== null) {
    fm.report('OT2004', defaultSpan(node, valueSpan, fm), {
      reason: `the default of input \`${name}\` does not match its type: ${mismatch}`,
    });
  }
  return { schema, required: false, default: defaultValue, span: nameSpan };
}

/** Points at the `default:` value itself when the map has one. */
function defaultSpan(node: unknown, fallback: Span, fm: FrontMatterContext): Span {
  if (!isMap(node)) return fallback;
  const pair = node.items.find((item) => isScalar(item.key) && item.key.value === 'default');
  return pair ? fm.spanOf(pair.value, fm.spanOf(pair.key, fallback)) : fallback;
}
