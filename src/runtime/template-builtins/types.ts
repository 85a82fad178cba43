import type { CallContext } from '../call-context.js';
import type { BuiltinCall } from '../interpreter/exec-state.js';
import type { CallInfo, Registry } from '../registry/types.js';

/** What a template builtin needs besides the call itself. */
export interface TemplateCallEnv {
  registry: Registry;
  /** Resolves the backend lazily: `flow()` needs none. */
  callContext: () => CallContext;
  info: CallInfo;
  /** Runs another template of the program in a fresh scope (for `flow()`). */
  runFlow: (call: BuiltinCall, path: string, inputs: Record<string, unknown>) => Promise<unknown>;
}

/** Turns a template's builtin call into a registry request (or a sub-flow). */
export type TemplateBuiltin = (call: BuiltinCall, env: TemplateCallEnv) => Promise<unknown>;
