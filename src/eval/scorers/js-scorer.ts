import { scoreValue } from './score-value.js';
import type { ScorerFunction } from '../eval-spec.js';
import type { Scorer } from './scorer-types.js';

/** `js`: a function `(row, output, outputs)` giving a number in [0, 1], a boolean or null. */
export function jsScorer(name: string, output: string | null, fn: ScorerFunction): Scorer {
  return {
    name,
    output,
    async score(input) {
      const value: unknown = await fn(input.row, input.output, input.outputs);
      return scoreValue(value, name, 'the function');
    },
  };
}

/**
 * Imports `FILE#export` (`default` without `#`) and checks that it is a function; throws an
 * Error saying why not.
 */
export async function importScorerFunction(ref: string): Promise<ScorerFunction> {
  const { pathToFileURL } = await import('node:url');
  const hash = ref.lastIndexOf('#');
  const file = hash < 0 ? ref : ref.slice(0, hash);
  const exported = hash < 0 ? 'default' : ref.slice(hash + 1);
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const fn = module[exported];
  if (typeof fn !== 'function') {
    const names = Object.keys(module).join(', ') || 'none';
    throw new Error(`${file} has no function export \`${exported}\` (its exports: ${names})`);
  }
  return fn as ScorerFunction;
}
