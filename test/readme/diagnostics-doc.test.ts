// docs/diagnostics.md is generated from the catalog and must stay in step with it: a new code
// cannot be added without its section, and the language server links to those sections.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { diagnosticCatalog } from '../../src/diagnostics/catalog.js';
import { defaultDiagnosticsBaseUrl } from '../../lsp/src/server.js';
import { buildDist, repoRoot } from '../cli/run-ot.js';
import { anchorsOf, read } from './markdown.js';

const doc = read(join(repoRoot, 'docs', 'diagnostics.md'));

test('docs/diagnostics.md is what scripts/gen-diagnostics-doc.mjs writes from the catalog', () => {
  buildDist();
  const result = spawnSync(process.execPath, ['scripts/gen-diagnostics-doc.mjs', '--check'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(result.stderr).not.toContain('out of date');
  expect(result.status).toBe(0);
});

test('every code of the catalog has its anchor in docs/diagnostics.md', () => {
  const anchors = anchorsOf(doc);
  const missing = Object.keys(diagnosticCatalog).filter((code) => !anchors.has(code.toLowerCase()));
  expect(missing).toEqual([]);
  expect(anchors.has('ot4006')).toBe(true);
});

test("the language server's diagnostic links point at those anchors", () => {
  expect(defaultDiagnosticsBaseUrl).toMatch(/\/docs\/diagnostics\.md#$/);
});
