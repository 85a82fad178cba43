import type { BackendCapabilities, CompletionRequest } from '../backend.js';
import { BackendError } from '../backend-error.js';
import type { LanguageModel } from './language-model.js';
import type { ModelSettings, ProviderDefinition } from './provider-definition.js';

/**
 * How a backend is asked (config `mode`): `chat` sends chat messages (`/v1/chat/completions`),
 * `completion` sends one raw text (`/v1/completions`), so `generate_text` gets the exact prefix.
 */
export type BackendMode = 'chat' | 'completion';

/** Every mode, in the order the config error lists them. */
export const backendModes: readonly BackendMode[] = ['chat', 'completion'];

/**
 * A completion-mode backend completes text and has no chat (the runtime formats chats into a
 * prompt and stops at the next role marker) and no native JSON schema or choice constraint.
 */
export function modeCapabilities(
  definition: ProviderDefinition,
  settings: Pick<ModelSettings, 'structuredOutputs' | 'mode'>,
): BackendCapabilities {
  // Every AI SDK chat model takes image file parts (whether it can see is the model's affair);
  // a completions request is text only.
  const capabilities = { images: true, ...definition.capabilities(settings) };
  if (settings.mode === 'chat') return capabilities;
  return {
    ...capabilities,
    images: false,
    textCompletion: true,
    chat: false,
    jsonSchema: false,
    choiceConstraint: false,
  };
}

/** What a completions request must carry, whatever the SDK's own chat formatting makes of it. */
export interface ExactCompletion {
  prompt: string;
  stop: readonly string[];
}

/**
 * The text sent in completion mode: the prompt as given (LANGUAGE.md §5 prefix semantics), with
 * the instruction for `select`/`generate_object` after a blank line when there is one.
 */
export function exactCompletion(
  request: CompletionRequest,
  instruction: string | null,
): ExactCompletion {
  if (request.prompt === null) {
    // The runtime formats chats for text-only backends (builtins/chat.ts); only a hand-made
    // request gets here.
    throw new BackendError('a completion-mode backend takes a text prompt, not chat messages');
  }
  return {
    prompt: instruction === null ? request.prompt : `${request.prompt}\n\n${instruction}`,
    stop: request.args.stop ?? [],
  };
}

/**
 * A fetch that sends the exact prompt and stop sequences: the AI SDK's completion models wrap
 * every prompt in `user:`/`assistant:` turns and add a stop of their own, which would lose the
 * prefix semantics. Everything else of the SDK's request (model, sampling, streaming) is kept.
 */
export function exactCompletionFetch(exact: ExactCompletion): typeof fetch {
  return (input, init) => {
    if (typeof init?.body !== 'string') return fetch(input, init);
    const body = JSON.parse(init.body) as Record<string, unknown>;
    body.prompt = exact.prompt;
    // The openai-compatible completion model copies our provider options into the body as they
    // are; this one is only for chat models' JSON schemas.
    delete body.strictJsonSchema;
    if (exact.stop.length > 0) body.stop = [...exact.stop];
    else delete body.stop;
    return fetch(input, { ...init, body: JSON.stringify(body) });
  };
}

/** The provider's completion model for one request, or an error when it has none. */
export function loadCompletionModel(
  definition: ProviderDefinition,
  settings: ModelSettings,
  exact: ExactCompletion,
): Promise<LanguageModel> {
  if (definition.loadCompletionModel === null) {
    throw new BackendError(`the ${definition.provider} provider has no completion mode`);
  }
  return definition.loadCompletionModel(settings, exactCompletionFetch(exact));
}
