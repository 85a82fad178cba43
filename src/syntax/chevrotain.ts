import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Chevrotain from 'chevrotain';

// chevrotain's package entry is ~700 small ES modules (most of them lodash-es), which take about
// half a second to load; the package also ships the same version as one file, which loads in a
// fifth of that. Every value ot takes from chevrotain comes through here, so one copy is loaded
// (types may still be imported from 'chevrotain': they are erased). The single file is reached
// by path because chevrotain's `exports` does not list it; `require` of an ES module without
// top-level await is synchronous from Node 20.19 on. Bundlers (the VS Code extension's build)
// replace this file with `export * from 'chevrotain'`.
function loadChevrotain(): typeof Chevrotain {
  const require = createRequire(import.meta.url);
  const single = join(dirname(require.resolve('chevrotain')), '..', 'chevrotain.min.mjs');
  return require(existsSync(single) ? single : 'chevrotain') as typeof Chevrotain;
}

const chevrotain = loadChevrotain();

/** chevrotain's values, from its single-file build (see above). */
export const { CstParser, EOF, Lexer, createToken, generateCstDts, tokenLabel, tokenMatcher } =
  chevrotain;

/** An instance of chevrotain's `Lexer`. */
export type Lexer = Chevrotain.Lexer;
