import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from '../../../src/codegen/generate.js';
import { hasErrors } from '../../../src/diagnostics/diagnostic.js';
import { loadProgram } from '../../../src/ir/load-program.js';
import type { TraceEvent } from '../../../src/runtime/trace.js';
import type { FlowRunOptions } from '../../../src/cli/run/run-once.js';
import { errorSummary } from '../../../src/cli/run/format-result.js';
import { fixtureInputs, fixtureRegistry, type FixtureRun } from './fixture-runner.js';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Where tests write generated modules: inside the repository (ignored by git) so that vitest transforms them and their TypeScript imports. */
export const generatedDir = join(repoRoot, 'test', 'codegen', '.generated');

/** What a generated module exports. */
export interface CompiledModule {
  run(
    inputs?: Record<string, unknown>,
    options?: FlowRunOptions,
  ): Promise<{ text: string; outputs: Record<string, unknown>; result: unknown }>;
  plan: unknown;
}

let counter = 0;
/** This test process's own directory of modules (see `removeGeneratedModules`). */
const processDir = join(generatedDir, `process-${process.pid}`);

/** Removes the modules this process generated (call it in `afterAll`). */
export function removeGeneratedModules(): void {
  rmSync(processDir, { recursive: true, force: true });
}

/**
 * Compiles a flow and imports the module. Under vitest it imports the runtime from the sources
 * (`src/runtime/index.ts`), so no build is needed; the end-to-end tests use the built package.
 */
export async function compileAndImport(
  flow: string,
  runtimeImport = pathToFileURL(join(repoRoot, 'src', 'runtime', 'index.ts')).href,
): Promise<{ module: CompiledModule; code: string; path: string }> {
  const loaded = loadProgram(flow);
  if (hasErrors(loaded.diagnostics))
    throw new Error(`${flow} has errors: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  const { code } = generate(loaded.program, { sources: loaded.sources, runtimeImport });
  mkdirSync(processDir, { recursive: true });
  const path = join(processDir, `module-${++counter}.mjs`);
  writeFileSync(path, code);
  return { module: (await import(pathToFileURL(path).href)) as CompiledModule, code, path };
}

/** Runs a fixture directory's flow through its compiled module, as `runInterpreted` runs it through the interpreter. */
export async function runCompiled(
  dir: string,
  options: { latencyMs?: number } = {},
): Promise<FixtureRun> {
  const { module } = await compileAndImport(join(dir, 'flow.ot'));
  const trace: TraceEvent[] = [];
  try {
    const result = await module.run(fixtureInputs(dir), {
      registry: fixtureRegistry(dir, options.latencyMs),
      trace: (event) => trace.push(event),
      cache: 'memory',
    });
    return { ok: true, ...result, trace };
  } catch (error) {
    return { ok: false, error: errorSummary(error), trace };
  }
}
