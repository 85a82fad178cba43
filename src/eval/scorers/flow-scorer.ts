import type { ProgramIR } from '../../ir/ir.js';
import type { BackendResolver } from '../../runtime/backend-resolver.js';
import { runProgram } from '../../runtime/run-program.js';
import type { SourceFile } from '../../source/source-file.js';
import { programHooks } from '../../template.js';
import { scoreValue } from './score-value.js';
import type { Scorer } from './scorer-types.js';

/**
 * `flow`: a judge flow run with `{row, output, outputs}` (only the ones it declares, when it
 * declares inputs) in the result's own run, so its calls share the eval's scheduler, cache and
 * trace, on the judge's own backend (its front matter's or the config's default). Its result
 * must be a number in [0, 1] or a boolean (or their text).
 */
export function flowScorer(
  name: string,
  output: string | null,
  judge: { program: ProgramIR; sources: Record<string, SourceFile> },
  resolveBackend: BackendResolver,
): Scorer {
  const entry = judge.program.templates[judge.program.entry]!;
  const declared = Object.keys(entry.meta.inputs);
  const hooks = programHooks(judge.program, judge.sources, resolveBackend);
  return {
    name,
    output,
    async score(input, run) {
      const all: Record<string, unknown> = {
        row: input.row,
        output: input.output,
        outputs: input.outputs,
      };
      const inputs =
        declared.length === 0
          ? all
          : Object.fromEntries(declared.filter((key) => key in all).map((key) => [key, all[key]]));
      const result = await runProgram(judge.program, inputs, { ...run, backendName: null }, hooks);
      return scoreValue(result.result, name, `the judge flow ${entry.path}`);
    },
  };
}
