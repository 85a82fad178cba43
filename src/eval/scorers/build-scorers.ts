import { createDiagnostic, hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { isOtError } from '../../diagnostics/ot-error.js';
import { jsonSchemaProblem } from '../../ir/json-schema-check.js';
import type { JsonSchema, ProgramIR } from '../../ir/ir.js';
import { loadProgram } from '../../ir/load-program.js';
import type { BackendResolver } from '../../runtime/backend-resolver.js';
import type { SourceFile } from '../../source/source-file.js';
import type { Template } from '../../template.js';
import { assertNever } from '../../assert-never.js';
import type { CheckedScorer, ScorerFunction } from '../eval-spec.js';
import { flowScorer } from './flow-scorer.js';
import { importScorerFunction, jsScorer } from './js-scorer.js';
import { jsonSchemaScorer } from './json-schema-scorer.js';
import { compileScorerTemplate } from './scorer-template.js';
import type { Scorer } from './scorer-types.js';
import { compileRegex, containsScorer, equalsScorer, regexScorer } from './text-scorers.js';

/** What building the scorers needs: the eval file, the scored flows' schemas, backends. */
export interface ScorerSetting {
  evalPath: string;
  /** Each scored flow's path and front matter schemas (a schema name must be in every one). */
  flowSchemas: { path: string; schemas: Record<string, JsonSchema> }[];
  resolveBackend: BackendResolver;
}

/** Built scorers, and the diagnostics (OT2025, a judge flow's own) of those that could not be. */
export interface BuiltScorers {
  scorers: Scorer[];
  diagnostics: Diagnostic[];
  /** The judge flows' files, for code frames. */
  sources: Record<string, SourceFile>;
}

/**
 * Builds every scorer, checking up front what can be checked before any call: templates
 * compile, a constant regex is valid, a named schema exists in every flow, an inline schema is
 * a schema, a judge flow loads without errors, a js file exports the function.
 */
export async function buildScorers(
  checked: readonly CheckedScorer[],
  setting: ScorerSetting,
): Promise<BuiltScorers> {
  const built: BuiltScorers = { scorers: [], diagnostics: [], sources: {} };
  for (const spec of checked) {
    const problem = (reason: string) =>
      built.diagnostics.push(
        createDiagnostic('OT2025', setting.evalPath, spec.span, { name: spec.name, reason }),
      );
    try {
      const scorer = await buildOne(spec, setting, built, problem);
      if (scorer) built.scorers.push(scorer);
    } catch (error) {
      problem(describe(error));
    }
  }
  return built;
}

async function buildOne(
  spec: CheckedScorer,
  setting: ScorerSetting,
  built: BuiltScorers,
  problem: (reason: string) => void,
): Promise<Scorer | null> {
  const { name, output } = spec;
  switch (spec.kind) {
    case 'equals':
      return equalsScorer(name, output, compile(spec, setting));
    case 'contains':
      return containsScorer(name, output, compile(spec, setting));
    case 'regex': {
      const source = String(spec.value);
      // A pattern without template syntax can be checked now rather than on every row.
      if (!/\{[{%#]/.test(source)) compileRegex(source);
      return regexScorer(name, output, compile(spec, setting));
    }
    case 'json_schema': {
      const schema = spec.value as string | JsonSchema;
      if (typeof schema === 'string') {
        const missing = setting.flowSchemas.filter((flow) => !(schema in flow.schemas));
        if (missing.length > 0) {
          problem(
            `no schema \`${schema}\` in the front matter of ${missing.map((f) => f.path).join(', ')}`,
          );
          return null;
        }
      } else {
        const invalid = jsonSchemaProblem(schema);
        if (invalid) {
          problem(`the inline schema is not a JSON Schema: ${invalid}`);
          return null;
        }
      }
      return jsonSchemaScorer(name, output, schema);
    }
    case 'flow': {
      const loaded = loadProgram(String(spec.value));
      Object.assign(built.sources, loaded.sources);
      if (hasErrors(loaded.diagnostics)) {
        built.diagnostics.push(...loaded.diagnostics);
        return null;
      }
      const judge: { program: ProgramIR; sources: Record<string, SourceFile> } = loaded;
      return flowScorer(name, output, judge, setting.resolveBackend);
    }
    case 'js': {
      const fn =
        typeof spec.value === 'function'
          ? (spec.value as ScorerFunction)
          : await importScorerFunction(String(spec.value));
      return jsScorer(name, output, fn);
    }
    default:
      return assertNever(spec.kind);
  }
}

function compile(spec: CheckedScorer, setting: ScorerSetting): Template {
  try {
    return compileScorerTemplate(String(spec.value), `${setting.evalPath}#${spec.name}`);
  } catch (error) {
    if (isOtError(error)) {
      throw new Error(`its template does not compile: ${error.diagnostics[0]?.message ?? ''}`);
    }
    throw error;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
