import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Options } from 'prettier';
import type { FakeBackendSpec } from '../../src/backends/fake/fake-spec.js';
import { loadFakeSpec } from '../../src/backends/fake/load-fake-spec.js';

/** One golden case of test/fixtures/format/<name>/. */
export interface FormatCase {
  name: string;
  dir: string;
  /** input.ot: the messy template. */
  input: string;
  /** options.json: prettier options for this case (default: none). */
  options: Options;
  /** inputs.json: the template's inputs when it is rendered. */
  inputs: Record<string, unknown>;
  /** fake.yaml: the backend the template's calls use when it is rendered. */
  spec: FakeBackendSpec | undefined;
}

/** Where the format goldens live. */
export const formatFixturesRoot = join('test', 'fixtures', 'format');

/** Every golden case, by directory name. */
export function loadFormatCases(): FormatCase[] {
  return readdirSync(formatFixturesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(formatFixturesRoot, entry.name);
      const optional = (file: string) =>
        existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : null;
      const options = optional('options.json');
      const inputs = optional('inputs.json');
      return {
        name: entry.name,
        dir,
        input: readFileSync(join(dir, 'input.ot'), 'utf8'),
        options: options === null ? {} : (JSON.parse(options) as Options),
        inputs: inputs === null ? {} : (JSON.parse(inputs) as Record<string, unknown>),
        spec: existsSync(join(dir, 'fake.yaml')) ? loadFakeSpec(join(dir, 'fake.yaml')) : undefined,
      };
    });
}
