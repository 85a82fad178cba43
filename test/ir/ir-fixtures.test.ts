import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/diagnostics/index.js';
import { dumpIR } from '../../src/ir/dump.js';
import { loadProgram } from '../../src/ir/load-program.js';
import { caseReader, fixtureCases, fixturesDir } from './fixture-files.js';

// Each case: input.ot (plus any files it includes or flows into) → ir.txt, the dump of the
// whole program. Update with `npx vitest run test/ir -u` and review the diff.
describe('IR golden fixtures', () => {
  for (const name of fixtureCases('ir')) {
    it(name, async () => {
      const dir = path.join(fixturesDir('ir'), name);
      const { program, diagnostics, sources } = loadProgram('input.ot', {
        readFile: caseReader(dir),
        // The include fixture shows a computed path too, which a project allows in its config.
        access: { roots: [process.cwd()], allowDynamicPaths: true },
      });
      // These fixtures show valid templates: no errors and no warnings.
      expect(diagnostics.map((d) => `${d.file}: ${d.code} ${d.message}`)).toEqual([]);
      expect(hasErrors(diagnostics)).toBe(false);
      // The IR must stay plain JSON data (no Map, Set, class or function inside).
      expect(JSON.parse(JSON.stringify(program))).toEqual(program);
      await expect(dumpIR(program, sources)).toMatchFileSnapshot(path.join(dir, 'ir.txt'));
    });
  }
});
