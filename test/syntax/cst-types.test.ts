import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as prettier from 'prettier';
import { generateCstTypes } from '../../src/syntax/cst-types.js';

const generatedFile = new URL('../../src/syntax/cst.generated.ts', import.meta.url);
const checkedIn = readFileSync(generatedFile, 'utf8');

describe('generated CST types', () => {
  it('cst.generated.ts matches the grammar (regenerate with scripts/gen-cst-dts.mjs)', async () => {
    const options = (await prettier.resolveConfig(generatedFile)) ?? {};
    const fresh = await prettier.format(generateCstTypes(), { ...options, parser: 'typescript' });
    expect(checkedIn).toBe(fresh);
  });

  it('no CST child key is a property of Object.prototype', () => {
    // The parser stores CST children in plain objects (see cstInvocationStateUpdate), so a
    // rule, token or label named `constructor` or `toString` would collide with the prototype.
    const keys = [...checkedIn.matchAll(/^\s+(\w+)\??: /gm)].map((match) => match[1]!);
    expect(keys.length).toBeGreaterThan(50);
    expect(keys.filter((key) => key in Object.prototype)).toEqual([]);
  });
});
