import type { GenerationArgs } from './backend.js';

/**
 * The one table between the two spellings of call options: camelCase in TypeScript
 * (`llm.generateText(p, { maxTokens })`), snake_case in `.ot` files, `ot.config.yaml`, the
 * `Backend` interface and cache keys (`max_tokens`). Everything that crosses over maps here.
 */
export const optionNames = {
  temperature: 'temperature',
  maxTokens: 'max_tokens',
  stop: 'stop',
  topP: 'top_p',
  topK: 'top_k',
  seed: 'seed',
} as const satisfies Record<string, keyof GenerationArgs>;

/** `instruct`'s own option, outside GenerationArgs. */
export const assistantPrefixNames = { assistantPrefix: 'assistant_prefix' } as const;

/** A sampling option's TypeScript name. */
export type CamelOptionName = keyof typeof optionNames;

/** Sampling options in TypeScript spelling; the `.ot` spelling of a two-word one is refused. */
export type CamelGenerationArgs = {
  [K in CamelOptionName]?: GenerationArgs[(typeof optionNames)[K]] | null;
} & {
  [K in Exclude<keyof GenerationArgs, CamelOptionName>]?: never;
};

/**
 * TypeScript options in the language's spelling. A `.ot` spelling is refused here as the types
 * refuse it; other unknown names pass through (the backend refuses those it does not take).
 */
export function toGenerationArgs(options: CamelGenerationArgs): GenerationArgs {
  const args: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options)) {
    const camel = camelNameOf(name);
    if (camel !== name) {
      throw new TypeError(`option \`${name}\` is spelled \`${camel}\` in TypeScript`);
    }
    args[Object.hasOwn(optionNames, name) ? optionNames[name as CamelOptionName] : name] = value;
  }
  return args as GenerationArgs;
}

/** The language's spelling back in TypeScript's (for a configured function's options). */
export function fromGenerationArgs(args: GenerationArgs): CamelGenerationArgs {
  const options: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) options[camelNameOf(name)] = value;
  return options as CamelGenerationArgs;
}

/** `max_tokens` → `maxTokens`; a name of neither table stays as it is. */
export function camelNameOf(snake: string): string {
  for (const [camel, name] of Object.entries({ ...optionNames, ...assistantPrefixNames })) {
    if (name === snake) return camel;
  }
  return snake;
}
