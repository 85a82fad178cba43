import { Template, template } from '../../template.js';
import type { RunContext } from '../../runtime/run-context.js';
import type { ScoreInput } from './scorer-types.js';

/** A scorer's template (`equals: "{{ expected }}"`), compiled once with the sandboxed engine. */
export function compileScorerTemplate(source: string, path: string): Template {
  return template(source, { path });
}

/**
 * Renders a scorer template over a result: the row's fields by name, plus `row`, `output`,
 * `outputs` and `text` (which win over row fields of the same names).
 */
export async function renderScorerTemplate(
  compiled: Template,
  input: ScoreInput,
  run: RunContext,
): Promise<string> {
  const vars = {
    ...input.row,
    row: input.row,
    output: input.output,
    outputs: input.outputs,
    text: input.text,
  };
  const result = await compiled.run(vars).execute({ ...run, trace: null });
  return result.text;
}
