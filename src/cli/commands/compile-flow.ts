import { writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { bundleModule } from '../../codegen/bundle.js';
import { generate } from '../../codegen/generate.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { printDiagnostics } from '../../diagnostics/printer.js';
import { loadProgram } from '../../ir/load-program.js';
import type { CommandContext } from '../command-context.js';
import { outputPathProblem } from '../output-path.js';

/** Options of `ot compile`. */
export interface CompileFlags {
  output?: string;
  bundle?: boolean;
  /** With `bundle`: minify (commander's `--no-minify` sets false; the default is true). */
  minify?: boolean;
}

/**
 * Loads the flow (diagnostics on stderr; errors stop it), generates the module — bundled with
 * the runtime when asked — and writes it.
 */
export async function compileCommand(
  file: string,
  flags: CompileFlags,
  context: CommandContext,
): Promise<number> {
  // A bad `-o` is bad usage, said before the work (and not after a long bundle).
  const outputProblem = flags.output ? outputPathProblem(flags.output) : null;
  if (outputProblem) {
    context.io.stderr(`ot: -o ${flags.output}: cannot write there: ${outputProblem}\n`);
    return 2;
  }
  const loaded = loadProgram(file);
  const lookup = (path: string) => loaded.sources[path];
  if (loaded.diagnostics.length > 0) {
    context.io.stderr(
      `${printDiagnostics(loaded.diagnostics, lookup, { color: context.io.stderrColor })}\n`,
    );
  }
  if (hasErrors(loaded.diagnostics)) return 1;
  const output = flags.output ?? `${file.replace(/\.ot$/, '')}.mjs`;
  const generated = generate(loaded.program, {
    sources: loaded.sources,
    // The flow's paths are relative to this directory; the module finds it from where it is.
    sourceRoot: relative(dirname(resolve(output)), process.cwd()),
  });
  if (generated.diagnostics.length > 0) {
    context.io.stderr(
      `${printDiagnostics(generated.diagnostics, lookup, { color: context.io.stderrColor })}\n`,
    );
  }
  const code = flags.bundle
    ? (await bundleModule(generated.code, { filename: file, minify: flags.minify !== false })).code
    : generated.code;
  writeFileSync(output, code);
  context.io.stderr(
    `ot: wrote ${output} (${Math.round(code.length / 1024)} KB${flags.bundle ? ', bundled' : ''})\n`,
  );
  return 0;
}
