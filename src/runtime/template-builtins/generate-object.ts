import type { JsonSchema } from '../../ir/ir.js';
import { generationArgs, mergedKeywords, promptOf } from './call-arguments.js';
import type { TemplateBuiltin } from './types.js';

/** `generate_object(prompt?, schema=Name | {…})`: a name refers to the front matter's `schemas`. */
export const templateGenerateObject: TemplateBuiltin = async (call, env) => {
  const keywords = mergedKeywords(call);
  const { prompt, info } = await promptOf(call, keywords, 0, env.info);
  const schema = resolveSchema(keywords.schema, call.template.meta.schemas);
  return env.registry.builtins.generate_object(
    { prompt, schema, options: generationArgs(keywords, ['prompt', 'schema']), info },
    env.callContext(),
  );
};

function resolveSchema(schema: unknown, declared: Record<string, JsonSchema>): JsonSchema {
  if (typeof schema === 'string') {
    const found = declared[schema];
    if (found === undefined) {
      throw new Error(
        `unknown schema ${JSON.stringify(schema)}; declared schemas: ${Object.keys(declared).join(', ') || 'none'}`,
      );
    }
    return found;
  }
  if (
    typeof schema === 'boolean' ||
    (typeof schema === 'object' && schema !== null && !Array.isArray(schema))
  ) {
    return schema as JsonSchema;
  }
  throw new Error(
    'schema must be the name of a schema in the front matter or a JSON Schema object',
  );
}
