import type { StandardJSONSchemaV1, StandardSchemaV1 } from '@standard-schema/spec';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { JsonSchema } from '../../ir/ir.js';
import { InvalidReplyError } from '../errors.js';

/** What `llm.generateObject` takes: a JSON Schema (best written `as const`) or a Standard Schema. */
export type ObjectSchema = JSONSchema | StandardSchemaV1;

/** The value a schema describes: a Standard Schema's output type, or json-schema-to-ts's inference. */
export type ObjectOf<S> = S extends StandardSchemaV1
  ? StandardSchemaV1.InferOutput<S>
  : S extends JSONSchema
    ? FromSchema<S>
    : unknown;

/** True for a Standard Schema (zod 4, valibot, arktype…): it carries `~standard`. */
export function isStandardSchema(schema: unknown): schema is StandardSchemaV1 {
  return typeof schema === 'object' && schema !== null && '~standard' in schema;
}

/**
 * The JSON Schema a provider is asked for: a Standard Schema's own conversion when it offers one
 * (Standard JSON Schema's `~standard.jsonSchema`, which zod 4 implements with `z.toJSONSchema`),
 * else null (the reply is asked for in words and validated locally).
 */
export function jsonSchemaOf(schema: StandardSchemaV1): JsonSchema | null {
  const convert = (schema['~standard'] as Partial<StandardJSONSchemaV1['~standard']>).jsonSchema;
  if (typeof convert?.output !== 'function') return null;
  try {
    // `$schema` names a draft the local validator need not know; the shape is what matters.
    const { $schema: _draft, ...rest } = convert.output({ target: 'draft-07' });
    return rest;
  } catch {
    return null;
  }
}

/** An issue of a Standard Schema as one line: `items.0.name: Required`. */
function describeIssue(issue: StandardSchemaV1.Issue): string {
  const path = (issue.path ?? [])
    .map((part) => String(typeof part === 'object' ? part.key : part))
    .join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/**
 * The problems the schema's own validator finds, when it answers synchronously (checked before
 * a fresh reply is cached); an asynchronous validator is left to `validateOutput`.
 */
export function syncProblems(schema: StandardSchemaV1, value: unknown): readonly string[] {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) {
    result.catch(() => undefined);
    return [];
  }
  return result.issues ? result.issues.map(describeIssue) : [];
}

/** The validated (and possibly transformed) output, or an InvalidReplyError listing the issues. */
export async function validateOutput<T>(schema: StandardSchemaV1, value: unknown): Promise<T> {
  const result = await schema['~standard'].validate(value);
  if (!result.issues) return result.value as T;
  const issues = result.issues.map(describeIssue);
  throw new InvalidReplyError(
    `the reply does not match the schema: ${issues.join('; ')}`,
    JSON.stringify(value),
    issues,
  );
}
