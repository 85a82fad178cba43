import type { JsonSchema } from '../../ir/ir.js';
import type { BackendCapabilities, CompletionRequest, ImageData, Message } from '../backend.js';
import type { CallOptions, ModelPrompt, SdkJsonSchema } from './language-model.js';
import { appendInstruction, instructionFor } from './instructions.js';
import type { ProviderDefinition } from './provider-definition.js';

/** The property our choice schema puts the chosen option in. */
export const CHOICE_KEY = 'choice';

/**
 * Translates a request into `doGenerate` options (without the abort signal). A text prompt goes
 * to a chat-only model as one user message; `responseSchema` and `choices` become a native JSON
 * schema where the backend offers one, and are asked for in words otherwise (the runtime checks
 * the reply in both cases).
 */
export function toCallOptions(
  request: CompletionRequest,
  capabilities: BackendCapabilities,
  definition: ProviderDefinition,
): Omit<CallOptions, 'abortSignal'> {
  const { args } = request;
  const responseFormat = chooseResponseFormat(request, capabilities);
  const instruction = instructionFor(request, capabilities);
  return {
    prompt: toModelPrompt(request, instruction),
    ...(args.temperature === undefined ? {} : { temperature: args.temperature }),
    ...(args.max_tokens === undefined ? {} : { maxOutputTokens: args.max_tokens }),
    ...(args.stop === undefined ? {} : { stopSequences: args.stop }),
    ...(args.top_p === undefined ? {} : { topP: args.top_p }),
    ...(args.top_k === undefined || definition.provider === 'openai-compatible'
      ? {}
      : { topK: args.top_k }),
    ...(args.seed === undefined ? {} : { seed: args.seed }),
    ...(responseFormat ? { responseFormat: responseFormat.format } : {}),
    providerOptions: definition.providerOptions(args, responseFormat?.strict ?? false),
  };
}

/** Messages as the SDK wants them; a bare prompt becomes one user message. */
export function toModelPrompt(
  request: Pick<CompletionRequest, 'prompt' | 'messages'>,
  instruction: string | null = null,
): ModelPrompt {
  const given: Message[] =
    request.prompt !== null
      ? [{ role: 'user', content: request.prompt }]
      : (request.messages ?? []);
  const messages = instruction === null ? given : appendInstruction(given, instruction);
  return messages.map((message) =>
    message.role === 'system'
      ? { role: 'system', content: message.content }
      : message.role === 'user' && message.images && message.images.length > 0
        ? {
            role: 'user',
            content: [{ type: 'text', text: message.content }, ...message.images.map(imagePart)],
          }
        : { role: message.role, content: [{ type: 'text', text: message.content }] },
  );
}

/** An image as the AI SDK's file part: inline base64, or a URL the provider passes on. */
function imagePart(image: ImageData): { type: 'file'; data: string | URL; mediaType: string } {
  return image.kind === 'bytes'
    ? { type: 'file', data: image.base64, mediaType: image.mediaType }
    : { type: 'file', data: new URL(image.url), mediaType: image.mediaType };
}

/** The JSON schema that makes a model answer `{"choice": <one of the options>}`. */
export function choiceSchema(choices: readonly string[]): SdkJsonSchema {
  return {
    type: 'object',
    properties: { [CHOICE_KEY]: { type: 'string', enum: [...choices] } },
    required: [CHOICE_KEY],
    additionalProperties: false,
  };
}

/**
 * The native response format of a call and whether it is enforced strictly, or null when the
 * call asks for none (or the backend has no native one: it is then asked in words).
 */
export function chooseResponseFormat(
  request: CompletionRequest,
  capabilities: BackendCapabilities,
): { format: NonNullable<CallOptions['responseFormat']>; strict: boolean } | null {
  if (request.choices && request.choices.length > 0 && capabilities.choiceConstraint) {
    return {
      format: { type: 'json', schema: choiceSchema(request.choices), name: 'choice' },
      strict: true,
    };
  }
  if (request.responseSchema !== null && capabilities.jsonSchema) {
    // User schemas need not meet OpenAI's strict-mode rules; the runtime validates the reply.
    return { format: jsonFormat(request.responseSchema), strict: false };
  }
  return null;
}

function jsonFormat(schema: JsonSchema): NonNullable<CallOptions['responseFormat']> {
  // `true` accepts any JSON value: ask for JSON without a schema.
  return typeof schema === 'boolean'
    ? { type: 'json' }
    : { type: 'json', schema: schema as SdkJsonSchema, name: 'response' };
}
