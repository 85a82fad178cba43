import { dirname } from 'node:path';
import { findConfig } from '../config/find-config.js';
import { loadConfig } from '../config/load-config.js';
import type { OtConfig } from '../config/config-types.js';
import { createDiagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isOtError, OtError } from '../diagnostics/ot-error.js';
import type { ProgramIR, TemplateIR } from '../ir/ir.js';
import { loadProgram } from '../ir/load-program.js';
import { createBackendResolver, type BackendResolver } from '../runtime/backend-resolver.js';
import { createRegistry } from '../runtime/registry/registry.js';
import type { Registry } from '../runtime/registry/types.js';
import type { ProgramHooks } from '../runtime/run-program.js';
import type { SourceFile } from '../source/source-file.js';
import { programHooks } from '../template.js';
import type { CheckedEval } from './eval-spec.js';
import { readDataset } from './read-dataset.js';
import { buildScorers } from './scorers/build-scorers.js';
import type { Scorer } from './scorers/scorer-types.js';

/** One dataset row: its id (its `id` field, else its number from 1) and its fields. */
export interface DatasetRow {
  id: string | number;
  fields: Record<string, unknown>;
}

/** A flow of the eval, loaded and checked. */
export interface EvalFlow {
  /** As the eval file names it (the results' `flow`). */
  name: string;
  program: ProgramIR;
  entry: TemplateIR;
  hooks: ProgramHooks;
  /** The files of the flow (entry, includes, `flow()`ed files), e.g. to send it to a queue. */
  sources: Record<string, SourceFile>;
}

/** A backend of the eval: its name as written, and the spec runs use (null: each flow's default). */
export interface EvalBackend {
  name: string;
  spec: string | null;
}

/** Everything an eval needs to run, checked before any call. */
export interface PreparedEval {
  checked: CheckedEval;
  rows: DatasetRow[];
  /** Whether the rows' values are text to convert to the flows' declared input types (CSV). */
  textRows: boolean;
  flows: EvalFlow[];
  backends: EvalBackend[];
  scorers: Scorer[];
  config: OtConfig | null;
  registry: Registry;
  resolveBackend: BackendResolver;
  /** Every file read, for code frames. */
  sources: Record<string, SourceFile>;
}

/** How to prepare an eval: the backends that override the file's, and the config. */
export interface PrepareOptions {
  /** `--backend`s (already resolved); empty keeps the eval's. */
  backends?: readonly EvalBackend[];
  /** The config file (default: `ot.config.yaml` found upward from the eval file), or a config. */
  config?: string | OtConfig | null;
  registry?: Registry;
  /**
   * Whether every flow × backend is created now, so a missing key fails before any call (the
   * default); false when the flows run on queue workers, whose config and keys are their own.
   */
  checkBackends?: boolean;
}

/**
 * Loads what a checked eval names — the dataset, the flows, the config, the backends and the
 * scorers — reporting every problem at once as one OtError before any call: OT2026 for a
 * dataset that cannot be read, the flows' own diagnostics, OT2025 for scorers.
 */
export async function prepareEval(
  checked: CheckedEval,
  options: PrepareOptions = {},
): Promise<PreparedEval> {
  const diagnostics: Diagnostic[] = [];
  const sources: Record<string, SourceFile> = {};
  let rows: Record<string, unknown>[] = [];
  let textRows = false;
  if ('rows' in checked.dataset) {
    rows = checked.dataset.rows;
  } else {
    const read = readDataset(checked.dataset.path);
    if (read.ok) rows = read.rows;
    else {
      diagnostics.push(
        createDiagnostic('OT2026', checked.path, checked.dataset.span, {
          what: 'dataset',
          path: checked.dataset.path,
          reason: read.reason,
        }),
      );
    }
    textRows = checked.dataset.path.toLowerCase().endsWith('.csv');
  }

  const config = loadEvalConfig(options.config, checked.path);
  const registry = options.registry ?? createRegistry();
  registry.defaultBackend = config?.defaultBackend ?? registry.defaultBackend ?? null;
  const resolveBackend = createBackendResolver(registry, config);

  const flows: EvalFlow[] = [];
  for (const { name, path } of checked.flows) {
    const loaded = loadProgram(path);
    Object.assign(sources, loaded.sources);
    diagnostics.push(...loaded.diagnostics.filter((d) => d.severity === 'error'));
    if (hasErrors(loaded.diagnostics)) continue;
    const entry = loaded.program.templates[loaded.program.entry]!;
    const hooks = programHooks(loaded.program, loaded.sources, resolveBackend);
    flows.push({ name, program: loaded.program, entry, hooks, sources: loaded.sources });
  }

  const backends: EvalBackend[] =
    options.backends && options.backends.length > 0
      ? [...options.backends]
      : checked.backends.length > 0
        ? checked.backends.map((b) => ({ name: b.name, spec: b.spec }))
        : [{ name: 'default', spec: null }];
  // Every backend is created now, so a missing API key or fake file fails before any call.
  for (const flow of options.checkBackends === false ? [] : flows) {
    for (const backend of backends) {
      const chosen = backend.spec ?? flow.entry.meta.backend ?? registry.defaultBackend;
      if (!chosen) continue;
      try {
        resolveBackend(chosen, flow.entry);
      } catch (error) {
        if (isOtError(error)) diagnostics.push(...error.diagnostics);
        else throw error;
      }
    }
  }

  const built = await buildScorers(checked.scorers, {
    evalPath: checked.path,
    flowSchemas: flows.map((flow) => ({ path: flow.entry.path, schemas: flow.entry.meta.schemas })),
    resolveBackend,
  });
  Object.assign(sources, built.sources);
  diagnostics.push(...built.diagnostics);
  if (diagnostics.length > 0) throw new OtError(diagnostics);
  return {
    checked,
    rows: rows.map((fields, index) => ({ id: rowId(fields, index), fields })),
    textRows,
    flows,
    backends,
    scorers: built.scorers,
    config,
    registry,
    resolveBackend,
    sources,
  };
}

function loadEvalConfig(
  option: string | OtConfig | null | undefined,
  evalPath: string,
): OtConfig | null {
  if (option === null) return null;
  if (typeof option === 'object') return option;
  const path = option ?? findConfig(dirname(evalPath));
  return path ? loadConfig(path) : null;
}

function rowId(fields: Record<string, unknown>, index: number): string | number {
  const id = fields['id'];
  return typeof id === 'string' || typeof id === 'number' ? id : index + 1;
}
