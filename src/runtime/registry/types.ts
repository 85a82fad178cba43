import type { Backend, GenerationArgs, Message } from '../../backends/backend.js';
import type { JsonSchema } from '../../ir/ir.js';
import type { CallContext } from '../call-context.js';
import type { OrderCursor } from '../source-order.js';

/** Where a call comes from: its sample key and, for template calls, its `file:line:col`. */
export interface CallInfo {
  sample: string;
  /** `file:line:col` of the call block, or '' for calls made from TypeScript. */
  location: string;
  /** The builtin to name in the trace when another implements it (`generate_texts` samples). */
  traceAs?: string;
  /**
   * When the prompt is the template's prefix: its part rendered since the previous call's
   * reply (what a fake backend's `match_last` sees). Absent: the prompt was given explicitly.
   */
  lastTurn?: string;
  /** Where the call stands in the flow's source order (absent: calls from TypeScript). */
  order?: OrderCursor;
}

/** `generate_text`: a raw completion of `prompt`. */
export interface GenerateTextRequest {
  prompt: string;
  options: GenerationArgs;
  info: CallInfo;
}

/** `generate_texts`: `samples` independent completions. */
export interface GenerateTextsRequest {
  prompt: string;
  samples: number;
  options: GenerationArgs;
  info: CallInfo;
}

/** `generate_object`: a value validating against `schema`. */
export interface GenerateObjectRequest {
  prompt: string;
  /** Null when a Standard Schema offers no JSON Schema: the prompt asks for JSON in words. */
  schema: JsonSchema | null;
  /** A TypeScript schema's own validator: problems, empty when the value is valid. */
  validate?: (value: unknown) => readonly string[];
  options: GenerationArgs;
  info: CallInfo;
}

/** `select`: one of `choices`. */
export interface SelectRequest {
  prompt: string;
  choices: string[];
  options: GenerationArgs;
  info: CallInfo;
}

/** `instruct`: one user message and an optional partial assistant reply. */
export interface InstructRequest {
  prompt: string;
  assistantPrefix: string | null;
  options: GenerationArgs;
  info: CallInfo;
}

/** `chat`: a list of messages. */
export interface ChatRequest {
  messages: Message[];
  options: GenerationArgs;
  info: CallInfo;
}

/** The model builtins a registry routes (LANGUAGE.md §6; `flow` is the interpreter's own). */
export interface BuiltinImplementations {
  generate_text: (request: GenerateTextRequest, context: CallContext) => Promise<string>;
  generate_texts: (request: GenerateTextsRequest, context: CallContext) => Promise<string[]>;
  generate_object: (request: GenerateObjectRequest, context: CallContext) => Promise<unknown>;
  select: (request: SelectRequest, context: CallContext) => Promise<string>;
  instruct: (request: InstructRequest, context: CallContext) => Promise<string>;
  chat: (request: ChatRequest, context: CallContext) => Promise<string>;
}

/** The name of a routable builtin. */
export type RoutedBuiltin = keyof BuiltinImplementations;

/**
 * Where builtins and backends are looked up when a call runs (OneTwo's late binding): swap the
 * registry and the same flow runs elsewhere.
 */
export interface Registry {
  builtins: BuiltinImplementations;
  backends: Record<string, Backend>;
  /** The backend used when neither the run nor the template names one. */
  defaultBackend: string | null;
}
