import type { BuiltinName } from './ir.js';

/** Every builtin of LANGUAGE.md §6, in the order the spec lists them. */
export const builtinNames: readonly BuiltinName[] = [
  'generate_text',
  'generate_texts',
  'generate_object',
  'select',
  'instruct',
  'chat',
  'flow',
];

/** True when `name` is the name of a builtin (whether or not an input shadows it). */
export function isBuiltinName(name: string): name is BuiltinName {
  return (builtinNames as readonly string[]).includes(name);
}
