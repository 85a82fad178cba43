import type { BuiltinName } from '../../ir/ir.js';
import { templateChat } from './chat.js';
import { templateFlow } from './flow.js';
import { templateGenerateObject } from './generate-object.js';
import { templateGenerateText } from './generate-text.js';
import { templateGenerateTexts } from './generate-texts.js';
import { templateInstruct } from './instruct.js';
import { templateSelect } from './select.js';
import type { TemplateBuiltin } from './types.js';

/** How each builtin of the language reads its arguments, one file per builtin. */
export const templateBuiltins: Record<BuiltinName, TemplateBuiltin> = {
  generate_text: templateGenerateText,
  generate_texts: templateGenerateTexts,
  generate_object: templateGenerateObject,
  select: templateSelect,
  instruct: templateInstruct,
  chat: templateChat,
  flow: templateFlow,
};

export type { TemplateBuiltin, TemplateCallEnv } from './types.js';
