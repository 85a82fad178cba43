import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFixture } from './run-fixture.js';

const root = join('test', 'fixtures', 'runtime');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('runtime fixtures (text, outputs and every call against the fake backend)', () => {
  it.each(cases)('%s', async (name) => {
    const { text, outputs, result, calls } = await runFixture(join(root, name));
    await expect(
      `${JSON.stringify({ text, outputs, result, calls }, null, 2)}\n`,
    ).toMatchFileSnapshot(join('..', 'fixtures', 'runtime', name, 'expected.json'));
  });
});
