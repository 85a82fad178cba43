import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/ir/load-program.js';
import { plan, printPlanJson, printPlanMermaid, printPlanText } from '../../src/plan/index.js';
import { fixtureDirs } from '../codegen/helpers/fixture-runner.js';
import { checkMermaidFlowchart } from './mermaid-syntax.js';

/**
 * The plans of every runtime and plan fixture, as text and JSON, compared with the goldens in
 * test/fixtures/plan/<case>/ (runtime fixtures' under test/fixtures/plan/_runtime/<case>/);
 * `vitest -u` updates them. The Mermaid form is checked for syntax.
 */
function goldenDir(dir: string): string {
  const name = basename(dir);
  return dir.includes(join('fixtures', 'runtime'))
    ? join('..', 'fixtures', 'plan', '_runtime', name)
    : join('..', 'fixtures', 'plan', name);
}

describe('plan goldens', () => {
  it.each(fixtureDirs())('%s', async (dir) => {
    const loaded = loadProgram(join(dir, 'flow.ot'));
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const planned = plan(loaded.program);
    await expect(printPlanText(planned, loaded.sources)).toMatchFileSnapshot(
      join(goldenDir(dir), 'plan.txt'),
    );
    await expect(printPlanJson(planned, loaded.sources)).toMatchFileSnapshot(
      join(goldenDir(dir), 'plan.json'),
    );
    const mermaid = printPlanMermaid(planned, loaded.sources);
    expect(checkMermaidFlowchart(mermaid), mermaid).toEqual([]);
  });
});
