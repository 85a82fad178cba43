import { createRequire } from 'node:module';
import type { Ajv, Options } from 'ajv';

// ajv and ajv-formats are about a tenth of a second of CPU to load, and a flow without a
// schema never needs them: they are required (both are CommonJS, so synchronously) on the first
// schema. Bundles, which have no node_modules to require from, replace this file with static
// imports (src/codegen/bundle.ts and vscode-extension/build.mjs, plugin `bundled-ajv`).
const require = createRequire(import.meta.url);

/**
 * A new Ajv with the standard `format`s (`email`, `uri`, `date-time`, …), so `format: email`
 * validates instead of being ignored with a warning on every run.
 */
export function createAjv(options: Options): Ajv {
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  // ajv-formats' module is the plugin function itself.
  const addFormats = require('ajv-formats') as (ajv: Ajv) => Ajv;
  return addFormats(new AjvClass(options));
}
