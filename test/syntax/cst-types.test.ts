import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCstTypes } from '../../src/syntax/cst-types.js';

const checkedIn = readFileSync(new URL('../../src/syntax/cst.generated.ts', import.meta.url), 'utf8');

describe('generated CST types', () => {
  it('cst.generated.ts matches the grammar (regenerate with scripts/gen-cst-dts.mjs)', async () => {
    expect(checkedIn).toBe(await renderCstTypes());
  });

  it('no CST child key is a property of Object.prototype', () => {
    // The parser stores CST children in plain objects (see cstInvocationStateUpdate), so a
    // rule, token or label named `constructor` or `toString` would collide with the prototype.
    const keys = [...checkedIn.matchAll(/^\s+(\w+)\??: /gm)].map((match) => match[1]!);
    expect(keys.length).toBeGreaterThan(50);
    expect(keys.filter((key) => key in Object.prototype)).toEqual([]);
  });
});
