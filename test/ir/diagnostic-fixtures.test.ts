import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCheckReport } from '../../src/cli/check-report.js';
import { loadProgram } from '../../src/ir/load-program.js';
import { caseReader, fixtureCases, fixturesDir } from './fixture-files.js';

// Each case: input.ot (plus the files it reaches) → expected.txt, exactly what `ot check`
// prints for it without colour. A case named after a code (OT2001-…) must report that code.
describe('diagnostic golden fixtures', () => {
  for (const name of fixtureCases('diagnostics')) {
    it(name, async () => {
      const dir = path.join(fixturesDir('diagnostics'), name);
      const { diagnostics, sources } = loadProgram('input.ot', { readFile: caseReader(dir) });
      const code = /^OT\d{4}/.exec(name)?.[0];
      if (code) expect(diagnostics.map((d) => d.code)).toContain(code);
      if (name === 'clean-file') expect(diagnostics).toEqual([]);
      for (const diagnostic of diagnostics) {
        const text = sources[diagnostic.file]?.text ?? '';
        expect(diagnostic.span.start).toBeGreaterThanOrEqual(0);
        expect(diagnostic.span.end).toBeLessThanOrEqual(text.length);
      }
      await expect(formatCheckReport(diagnostics, sources, false)).toMatchFileSnapshot(
        path.join(dir, 'expected.txt'),
      );
    });
  }
});
