import type { InputSpec } from '../ir/ir.js';

/** The inputs with `--input` text converted to their declared types, or the first that does not parse. */
export type CoercedInputs =
  { ok: true; inputs: Record<string, unknown> } | { ok: false; error: string };

/**
 * Converts the inputs given as text (`--input k=v`, named in `textNames`) to the type the
 * template declares: `number`, `integer`, `boolean` and `null` from their literal forms, lists and
 * objects from JSON. A declared type that admits strings, or none, keeps the text; an undeclared
 * name is left for the run's input check (which suggests the closest declared name).
 */
export function coerceTextInputs(
  inputs: Record<string, unknown>,
  textNames: readonly string[],
  declared: Readonly<Record<string, InputSpec>>,
): CoercedInputs {
  const coerced = { ...inputs };
  for (const name of textNames) {
    const spec = Object.hasOwn(declared, name) ? declared[name] : undefined;
    const text = coerced[name];
    if (spec === undefined || typeof text !== 'string') continue;
    const types = declaredTypes(spec.schema);
    if (types.length === 0 || types.includes('string')) continue;
    const value = parseAs(text, types);
    if (value === undefined) {
      const json = types.some((t) => t === 'array' || t === 'object') ? ' (JSON)' : '';
      return {
        ok: false,
        error: `--input ${name}: expected ${types.map(typeName).join(' or ')}${json}, got ${JSON.stringify(text)}`,
      };
    }
    coerced[name] = value.value;
  }
  return { ok: true, inputs: coerced };
}

/** The JSON Schema types a schema names (`type: x` or `type: [x, y]`); none for any. */
function declaredTypes(schema: InputSpec['schema']): string[] {
  if (typeof schema === 'boolean') return [];
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

function parseAs(text: string, types: readonly string[]): { value: unknown } | undefined {
  const trimmed = text.trim();
  for (const type of types) {
    switch (type) {
      case 'integer':
        if (/^[+-]?\d+$/.test(trimmed)) return { value: Number(trimmed) };
        break;
      case 'number':
        if (trimmed !== '' && Number.isFinite(Number(trimmed))) return { value: Number(trimmed) };
        break;
      case 'boolean':
        if (trimmed === 'true' || trimmed === 'false') return { value: trimmed === 'true' };
        break;
      case 'null':
        if (trimmed === 'null') return { value: null };
        break;
      case 'array':
      case 'object': {
        const parsed = parseJson(trimmed);
        if (parsed === undefined) break;
        const isArray = Array.isArray(parsed.value);
        const isObject = typeof parsed.value === 'object' && parsed.value !== null && !isArray;
        if ((type === 'array' && isArray) || (type === 'object' && isObject)) return parsed;
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

function typeName(type: string): string {
  switch (type) {
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    case 'integer':
      return 'an integer';
    default:
      return `a ${type}`;
  }
}
