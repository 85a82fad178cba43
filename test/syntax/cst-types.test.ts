import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCstTypes } from '../../src/syntax/cst-types.js';

describe('generated CST types', () => {
  it('cst.generated.ts matches the grammar (regenerate with scripts/gen-cst-dts.mjs)', async () => {
    const checkedIn = readFileSync(
      new URL('../../src/syntax/cst.generated.ts', import.meta.url),
      'utf8',
    );
    expect(checkedIn).toBe(await renderCstTypes());
  });
});
