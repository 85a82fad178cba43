// The README's "Comparing backends" snippet, run as written (with two fake files).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import {
  copyRegistry,
  createFakeBackend,
  loadFakeSpec,
  loadTemplate,
  parallel,
  run,
  withRegistry,
} from '../../src/index.js';

it('runs one flow on two backends, every row, in one run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ot-compare-'));
  writeFileSync(join(dir, 'flow.ot'), 'Capital of {{ country }}? << generate_text() >>');
  // No `model` labels: two fake files are told apart by their rules, not by a label.
  writeFileSync(join(dir, 'a.yaml'), 'default: "from a"\n');
  writeFileSync(join(dir, 'b.yaml'), 'default: "from b"\n');

  const flow = loadTemplate(join(dir, 'flow.ot'));
  const registries = ['a.yaml', 'b.yaml'].map((file) => {
    const registry = copyRegistry();
    const backend = createFakeBackend(loadFakeSpec(join(dir, file)), file);
    registry.backends[backend.name] = backend;
    registry.defaultBackend = backend.name;
    return registry;
  });
  const rows = [{ country: 'France' }, { country: 'Chile' }];
  const results = await run(
    parallel(...rows.flatMap((row) => registries.map((r) => withRegistry(flow.run(row), r)))),
  );
  expect(results.map((r) => r.text)).toEqual([
    'Capital of France? from a',
    'Capital of France? from b',
    'Capital of Chile? from a',
    'Capital of Chile? from b',
  ]);
});
