import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { printDiagnostics } from '../../src/diagnostics/printer.js';
import { createSourceFile } from '../../src/source/source-file.js';
import { parse } from '../../src/syntax/index.js';

// Each case: input.ot → ast.json (the AST with its spans) and, for broken inputs,
// diagnostics.txt (printed without colour). A case named after a code (OT1005-…) must report
// that code; every other case must parse without any diagnostic. Update with `vitest -u` and
// review the diff.
const fixturesDir = fileURLToPath(new URL('../fixtures/syntax', import.meta.url));
const cases = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('syntax golden fixtures', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  for (const name of cases) {
    it(name, async () => {
      const dir = path.join(fixturesDir, name);
      const text = readFileSync(path.join(dir, 'input.ot'), 'utf8');
      const { ast, diagnostics } = parse(text, { path: 'input.ot' });
      await expect(`${JSON.stringify(ast, null, 2)}\n`).toMatchFileSnapshot(
        path.join(dir, 'ast.json'),
      );
      const code = /^OT\d{4}/.exec(name)?.[0];
      if (code === undefined) {
        expect(diagnostics).toEqual([]);
        return;
      }
      expect(diagnostics.map((d) => d.code)).toContain(code);
      for (const diagnostic of diagnostics) {
        expect(diagnostic.span.start).toBeGreaterThanOrEqual(0);
        expect(diagnostic.span.end).toBeLessThanOrEqual(text.length);
        expect(diagnostic.span.start).toBeLessThanOrEqual(diagnostic.span.end);
      }
      const file = createSourceFile('input.ot', text);
      const printed = printDiagnostics(diagnostics, () => file, { color: false });
      await expect(`${printed}\n`).toMatchFileSnapshot(path.join(dir, 'diagnostics.txt'));
    });
  }
});
