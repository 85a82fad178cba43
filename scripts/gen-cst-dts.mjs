#!/usr/bin/env node
// Regenerates src/syntax/cst.generated.ts, the CST types of the grammar, with chevrotain's
// generateCstDts. Run after changing src/syntax/parser.ts and building:
//   npx tsc -p tsconfig.build.json && node scripts/gen-cst-dts.mjs
// test/syntax/cst-types.test.ts fails while the checked-in file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { generateCstTypes } from '../dist/syntax/cst-types.js';

const target = fileURLToPath(new URL('../src/syntax/cst.generated.ts', import.meta.url));
const options = (await prettier.resolveConfig(target)) ?? {};
writeFileSync(
  target,
  await prettier.format(generateCstTypes(), { ...options, parser: 'typescript' }),
);
console.log(`wrote ${target}`);
