import { run } from '../../src/runtime/api/run.js';
import { template } from '../../src/template.js';

/**
 * Renders a template through the whole pipeline (parse → lower → interpret) with `context` as
 * its inputs, as the differential tests compare it with `nunjucks.renderString`.
 */
export async function renderTemplateForTest(
  source: string,
  context: Record<string, unknown>,
  options: { path?: string } = {},
): Promise<string> {
  const compiled = template(source, { path: options.path ?? 'differential.ot' });
  const result = await run(compiled.run(context), { cache: undefined });
  return result.text;
}
