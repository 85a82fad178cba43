import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCompiled } from './helpers/compile-fixture.js';
import { callsOf, runInterpreted, type FixtureRun } from './helpers/fixture-runner.js';

/** Every runtime fixture, and the plan fixtures (which also have fake backends). */
const roots = [join('test', 'fixtures', 'runtime'), join('test', 'fixtures', 'plan')];
const cases = roots.flatMap((root) =>
  readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, entry.name)),
);

/** What must be equal: the result or error, and every call (prompt, arguments, sample, location, result). */
function comparable(run: FixtureRun) {
  const outcome = run.ok ? { text: run.text, outputs: run.outputs, result: run.result } : { error: run.error };
  return { ...outcome, calls: callsOf(run.trace) };
}

describe('compiled modules agree with the interpreter', () => {
  it.each(cases)('%s', async (dir) => {
    const interpreted = await runInterpreted(dir);
    const compiled = await runCompiled(dir);
    expect(comparable(compiled)).toEqual(comparable(interpreted));
  });
});
