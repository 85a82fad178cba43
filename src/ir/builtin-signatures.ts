import type { BuiltinName } from './ir.js';
import type { ArgRule } from './arg-rules.js';

/** What a builtin accepts (LANGUAGE.md §6), as the argument checks and front matter `defaults` use it. */
export interface BuiltinSignature {
  /** Names of the positional parameters, in order; each can also be given by keyword. */
  positional: readonly string[];
  /** Every keyword the builtin accepts, with the rule a literal value must follow. */
  keywords: Readonly<Record<string, ArgRule>>;
  /** Arguments that must be given (by position, keyword, or front matter `defaults`). */
  required: readonly string[];
  /** True for `flow`, whose other keywords are the called template's inputs. */
  inputKeywords: boolean;
}

/** The sampling arguments every model call accepts (they map to a backend's GenerationArgs). */
const generationArgs: Readonly<Record<string, ArgRule>> = {
  temperature: 'number',
  max_tokens: 'positiveInteger',
  stop: 'stringOrStrings',
  top_p: 'number',
  top_k: 'positiveInteger',
  seed: 'integer',
};

/**
 * The signature of each builtin. The spec lists sampling arguments only for `generate_text` and
 * `generate_texts` ("…"); every model call accepts them here, since a `select` or `chat` at
 * temperature 0 is common, and a backend that cannot honour one reports it at run time.
 */
export const builtinSignatures: Readonly<Record<BuiltinName, BuiltinSignature>> = {
  generate_text: {
    positional: ['prompt'],
    keywords: { prompt: 'string', ...generationArgs },
    required: [],
    inputKeywords: false,
  },
  generate_texts: {
    positional: ['prompt'],
    keywords: { prompt: 'string', samples: 'positiveInteger', ...generationArgs },
    required: ['samples'],
    inputKeywords: false,
  },
  generate_object: {
    positional: ['prompt'],
    keywords: { prompt: 'string', schema: 'schema', ...generationArgs },
    required: ['schema'],
    inputKeywords: false,
  },
  select: {
    positional: ['options', 'prompt'],
    keywords: { options: 'options', prompt: 'string', ...generationArgs },
    required: ['options'],
    inputKeywords: false,
  },
  instruct: {
    positional: ['prompt', 'assistant_prefix'],
    keywords: { prompt: 'string', assistant_prefix: 'string', ...generationArgs },
    required: [],
    inputKeywords: false,
  },
  chat: {
    positional: ['messages'],
    keywords: { messages: 'list', prompt: 'string', ...generationArgs },
    required: [],
    inputKeywords: false,
  },
  flow: {
    positional: ['path'],
    keywords: { path: 'string' },
    required: ['path'],
    inputKeywords: true,
  },
};
