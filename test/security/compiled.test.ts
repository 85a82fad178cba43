import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { OtError } from '../../src/diagnostics/ot-error.js';
import { loadProgram } from '../../src/ir/load-program.js';
import { compileAndImport, removeGeneratedModules } from '../codegen/helpers/compile-fixture.js';
import { expectNoLeak, expectPrototypesUntouched, expectStopped, outcomeOf } from './outcome.js';
import { payloads } from './payloads.js';

const work = mkdtempSync(join(tmpdir(), 'ot-security-compiled-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  removeGeneratedModules();
});
afterEach(expectPrototypesUntouched);

let counter = 0;
/** Compiles `source` into a module and runs it (a check-time error stops the compilation). */
async function runCompiledSource(source: string): Promise<string> {
  const file = join(work, `flow-${++counter}.ot`);
  writeFileSync(file, source);
  // The module is generated only from a checked program: a check-time error stops it here.
  const loaded = loadProgram(file);
  if (hasErrors(loaded.diagnostics)) throw new OtError(loaded.diagnostics);
  const { module } = await compileAndImport(file);
  return (await module.run({}, { cache: 'memory' })).text;
}

describe('the sandbox, through compiled modules', () => {
  it.each(payloads)('stops $name', async (payload) => {
    expectStopped(payload, await outcomeOf(() => runCompiledSource(payload.source)));
  });

  it('renders functions as [function] and keeps dict literal "__proto__" an own key', async () => {
    const text = await runCompiledSource(
      '{% macro m() %}x{% endmacro %}{{ range }} {{ m }} {{ "a".split ~ "" }} ' +
        '{% set d = {"__proto__": {"x": "yes"}} %}[{{ d.x }}] {{ d | dump }}',
    );
    expect(text).toBe('[function] [function] [function] [] {"__proto__":{"x":"yes"}}');
    expectNoLeak(text);
  });
});
