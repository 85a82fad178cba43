import type { JsonSchema } from '../ir/ir.js';
import type { Span } from '../source/span.js';
import type { ScoreValue } from './eval-types.js';

/** A `js:` scorer: given the row, the scored output and all outputs, a score (or a promise of one). */
export type ScorerFunction = (
  row: Record<string, unknown>,
  output: unknown,
  outputs: Record<string, unknown>,
) => ScoreValue | Promise<ScoreValue>;

/** Which output a scorer scores: a name bound by the flow; absent for the flow's result. */
interface ScoredOutput {
  output?: string;
}

/** One scorer as an eval file (or `evaluate`) writes it: exactly one kind key. */
export type ScorerSpec = ScoredOutput &
  (
    | { equals: string }
    | { contains: string }
    | { regex: string }
    | { json_schema: string | JsonSchema }
    | { flow: string }
    | { js: string | ScorerFunction }
  );

/** An eval as data: the keys of an eval file (paths relative to `base`). */
export interface EvalSpec {
  description?: string;
  flow?: string;
  flows?: string[];
  /** A JSONL, JSON, YAML or CSV file, or (from TypeScript) the rows themselves. */
  dataset: string | Record<string, unknown>[];
  backends?: string[];
  repeat?: number;
  scorers?: Record<string, ScorerSpec>;
}

/** The kinds of scorer, in the order the docs list them. */
export const SCORER_KINDS = ['equals', 'contains', 'regex', 'json_schema', 'flow', 'js'] as const;

/** One kind of scorer. */
export type ScorerKind = (typeof SCORER_KINDS)[number];

/** A scorer after validation: its kind, its argument, and where the file declares it. */
export interface CheckedScorer {
  name: string;
  kind: ScorerKind;
  /** A template source (equals, contains, regex), a path (flow, js), a schema, or a function. */
  value: string | JsonSchema | ScorerFunction;
  output: string | null;
  span: Span;
}

/** A validated eval: names as written, paths made absolute. */
export interface CheckedEval {
  /** The eval file, or a stand-in name for an eval given as data. */
  path: string;
  description: string | null;
  /** Each flow's name as written and its absolute path. */
  flows: { name: string; path: string }[];
  dataset: { path: string; span: Span } | { rows: Record<string, unknown>[] };
  /** Each backend's name as written and the spec it resolves with (`fake:` paths absolute). */
  backends: { name: string; spec: string }[];
  repeat: number;
  scorers: CheckedScorer[];
}
