import { afterAll, describe, expect, it } from 'vitest';
import { removeGeneratedModules, runCompiled } from './helpers/compile-fixture.js';
import { callsOf, fixtureDirs, runInterpreted, type FixtureRun } from './helpers/fixture-runner.js';

const cases = fixtureDirs();
afterAll(removeGeneratedModules);

/** What must be equal: the result or error, and every call (prompt, arguments, sample, location, result). */
function comparable(run: FixtureRun) {
  const outcome = run.ok
    ? { text: run.text, outputs: run.outputs, result: run.result }
    : { error: run.error };
  return { ...outcome, calls: callsOf(run.trace) };
}

describe('compiled modules agree with the interpreter', () => {
  it.each(cases)('%s', async (dir) => {
    const interpreted = await runInterpreted(dir);
    const compiled = await runCompiled(dir);
    expect(comparable(compiled)).toEqual(comparable(interpreted));
  });
});
