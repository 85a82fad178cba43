import fc from 'fast-check';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCases } from '../differential/cases.js';
import { drawFromGen, generateCase } from '../differential/template-generator.js';
import { loadProgram } from '../../src/ir/load-program.js';
import { renderSync } from '../../src/runtime/interpreter/interpret.js';
import type { RunServices } from '../../src/runtime/interpreter/exec-state.js';
import { programHooks } from '../../src/template.js';
import {
  compileAndImport,
  generatedDir,
  removeGeneratedModules,
} from './helpers/compile-fixture.js';

/** A rendering's outcome: its text, or its error's message and codes. */
type Outcome = { text: string } | { error: string; codes: string[] };

function outcome(render: () => string): Outcome {
  try {
    return { text: render() };
  } catch (error) {
    const diagnostics =
      (error as { diagnostics?: { code: string; span: unknown }[] }).diagnostics ?? [];
    return {
      error: error instanceof Error ? error.message : String(error),
      codes: diagnostics.map((d) => `${d.code}@${JSON.stringify(d.span)}`),
    };
  }
}

function interpreted(path: string, context: Record<string, unknown>): Outcome {
  const { program, sources } = loadProgram(path);
  const hooks = programHooks(program, sources, () => {
    throw new Error('no backends');
  });
  const services: RunServices = {
    program,
    locate: (site) => site.file,
    track: () => undefined,
    callBuiltin: () => Promise.reject(new Error('no calls')),
    loadTemplate: hooks.loadTemplate,
  };
  return outcome(() =>
    renderSync(program.templates[program.entry]!, structuredClone(context), services),
  );
}

async function compiled(path: string, context: Record<string, unknown>): Promise<Outcome> {
  const { module } = await compileAndImport(path);
  const program = (
    module as unknown as { program: { renderText(inputs: Record<string, unknown>): string } }
  ).program;
  return outcome(() => program.renderText(structuredClone(context)));
}

/** Generated templates are written here (a template must be a file to compile). */
const casesDir = join(generatedDir, `differential-${process.pid}`);
afterAll(() => {
  removeGeneratedModules();
  rmSync(casesDir, { recursive: true, force: true });
});

const corpusDir = fileURLToPath(new URL('../differential/corpus', import.meta.url));
const corpus = loadCases(corpusDir).filter(
  (testCase) =>
    !testCase.expectError ||
    loadProgram(testCase.path).diagnostics.every((d) => d.severity !== 'error'),
);

describe('compiled call-free templates render as the interpreter renders them', () => {
  it.each(corpus.map((c) => [c.name, c] as const))('corpus: %s', async (_name, testCase) => {
    expect(await compiled(testCase.path, testCase.context)).toEqual(
      interpreted(testCase.path, testCase.context),
    );
  });

  it('generated templates (every statement form, whitespace control, filters, loops, macros)', async () => {
    mkdirSync(casesDir, { recursive: true });
    const samples = fc.sample(fc.gen(), {
      numRuns: Number(process.env.OT_CODEGEN_DIFFERENTIAL_RUNS ?? 60),
      seed: 20251124,
    });
    for (const [i, g] of samples.entries()) {
      const testCase = generateCase(drawFromGen(g));
      const path = join(casesDir, `case-${i}.ot`);
      writeFileSync(path, testCase.source);
      const loaded = loadProgram(path);
      if (loaded.diagnostics.some((d) => d.severity === 'error')) continue;
      const expected = interpreted(path, testCase.context);
      const actual = await compiled(path, testCase.context);
      expect(
        actual,
        `template:\n${testCase.source}\ncontext: ${JSON.stringify(testCase.context)}`,
      ).toEqual(expected);
    }
  });
});
