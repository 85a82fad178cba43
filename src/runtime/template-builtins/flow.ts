import type { TemplateBuiltin } from './types.js';

/** `flow(path, **inputs)`: runs another `.ot` file in a fresh scope, in the same run. */
export const templateFlow: TemplateBuiltin = async (call, env) => {
  const path = call.args.length > 0 ? call.args[0] : call.kwargs.path;
  if (typeof path !== 'string')
    throw new Error('flow needs the path of a .ot file as its first argument');
  const inputs: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(call.kwargs))
    if (name !== 'path') inputs[name] = value;
  return env.runFlow(call, path, inputs);
};
