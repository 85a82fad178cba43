import { dirname } from 'node:path';
import { findConfig } from '../../src/config/find-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { run } from '../../src/runtime/api/run.js';
import { template } from '../../src/template.js';

/**
 * Renders a template through the whole pipeline (parse → lower → interpret) with `context` as
 * its inputs, as the differential tests compare it with `nunjucks.renderString`. The
 * `ot.config.yaml` above the path, if any, says where includes may read (as for `ot run`).
 */
export async function renderTemplateForTest(
  source: string,
  context: Record<string, unknown>,
  options: { path?: string } = {},
): Promise<string> {
  const path = options.path ?? 'differential.ot';
  const configPath = options.path ? findConfig(dirname(path)) : null;
  const compiled = template(source, { path, config: configPath ? loadConfig(configPath) : null });
  const result = await run(compiled.run(context), { cache: undefined });
  return result.text;
}
