import type { BuiltinImplementations } from '../registry/types.js';
import { chat } from './chat.js';
import { generateObject } from './generate-object.js';
import { generateText } from './generate-text.js';
import { generateTexts } from './generate-texts.js';
import { instruct } from './instruct.js';
import { select } from './select.js';

/** The default implementation of each routed builtin; registries start from a copy of this table. */
export function defaultBuiltins(): BuiltinImplementations {
  return {
    generate_text: generateText,
    generate_texts: generateTexts,
    generate_object: generateObject,
    select,
    instruct,
    chat,
  };
}
