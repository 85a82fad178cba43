import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FakeBackendSpec } from '../../src/backends/fake/fake-spec.js';
import { loadFakeSpec } from '../../src/backends/fake/load-fake-spec.js';
import { formatSource } from '../../src/format/format-source.js';
import { sameTemplate } from '../../src/format/template-shape.js';
import { renderOutcome } from './render-outcome.js';

/** A template of the repository with what it needs to run. */
interface CorpusFile {
  path: string;
  inputs: Record<string, unknown>;
  /** The fake backend when the file's front matter names none. */
  spec?: FakeBackendSpec;
}

const runtimeRoot = join('test', 'fixtures', 'runtime');

const corpus: CorpusFile[] = [
  ...readdirSync('samples')
    .filter((name) => name.endsWith('.ot'))
    .map((name) => ({ path: join('samples', name), inputs: {} })),
  { path: join('samples', 'lib', 'research.ot'), inputs: { topic: 'bees', angle: 'history' } },
  ...readdirSync(runtimeRoot).map((name) => {
    const dir = join(runtimeRoot, name);
    const inputsPath = join(dir, 'inputs.json');
    return {
      path: join(dir, 'flow.ot'),
      inputs: existsSync(inputsPath)
        ? (JSON.parse(readFileSync(inputsPath, 'utf8')) as Record<string, unknown>)
        : {},
      spec: loadFakeSpec(join(dir, 'fake.yaml')),
    };
  }),
];

describe.each(corpus)('formatting $path', ({ path, inputs, spec }) => {
  const source = readFileSync(path, 'utf8');

  it('is idempotent and keeps the template (same AST but for whitespace inside tags)', async () => {
    const once = await formatSource(source, { filepath: path });
    expect(await formatSource(once, { filepath: path })).toBe(once);
    expect(sameTemplate(source, once, path)).toBe(true);
  });

  it('renders the same text, prompts and outputs against the fake backend', async () => {
    const formatted = await formatSource(source, { filepath: path });
    const before = await renderOutcome(source, path, { inputs, ...(spec ? { spec } : {}) });
    const after = await renderOutcome(formatted, path, { inputs, ...(spec ? { spec } : {}) });
    // Some flows end in an error of their fake backend; the calls before it must still agree.
    expect(before.calls?.length).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });
});
