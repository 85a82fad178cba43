import type { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';

/**
 * Adds the standard `format`s (`email`, `uri`, `date-time`, …) to an Ajv, so `format: email`
 * validates instead of being ignored with a warning on every run.
 */
export function addStandardFormats(ajv: Ajv): Ajv {
  // ajv-formats is CommonJS: under NodeNext its default import is typed as the module object,
  // while at run time it is the plugin function itself.
  const plugin = formatsPlugin as unknown as (ajv: Ajv) => Ajv;
  return plugin(ajv);
}
