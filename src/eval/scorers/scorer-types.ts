import type { JsonSchema } from '../../ir/ir.js';
import type { RunContext } from '../../runtime/run-context.js';
import type { ScoreValue } from '../eval-types.js';

/** What a scorer sees of one result. */
export interface ScoreInput {
  /** The dataset row (all its fields, inputs of the flow or not). */
  row: Record<string, unknown>;
  /** The scored value: the output the scorer names, else the flow's result. */
  output: unknown;
  outputs: Record<string, unknown>;
  text: string;
  /** The scored flow's front matter schemas (for `json_schema: Name`). */
  schemas: Record<string, JsonSchema>;
}

/** A ready scorer: scores one result in the run that made it (judge flows call models in it). */
export interface Scorer {
  name: string;
  /** The output it scores, or null for the flow's result. */
  output: string | null;
  score(input: ScoreInput, run: RunContext): Promise<ScoreValue>;
}

/** The text a value is compared as: strings as they are, nothing as "", the rest as JSON. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return JSON.stringify(value);
}
