import type { BackendCapabilities, CompletionRequest, ImageData, Message } from '../backend.js';
import { chooseResponseFormat } from './call-options.js';
import type { ExactCompletion } from './completion-mode.js';
import { appendInstruction, instructionFor } from './instructions.js';

/** One message of an OpenAI chat completions request. */
type WireMessage =
  | { role: 'system' | 'assistant'; content: string }
  | { role: 'user'; content: string | WirePart[] };

type WirePart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

/**
 * The body of a `/chat/completions` request, field for field and in the order the AI SDK's
 * openai-compatible chat model writes it (openai-compatible 2.0.x `getArgs`), so that the direct
 * path sends the same bytes: model, max_tokens, temperature, top_p, response_format, stop, seed,
 * top_k (a provider option passed through), messages. test/backends/direct-path.test.ts pins it.
 */
export function chatBody(
  model: string,
  request: CompletionRequest,
  capabilities: BackendCapabilities,
): Record<string, unknown> {
  const { args } = request;
  const format = chooseResponseFormat(request, capabilities);
  const body: Record<string, unknown> = { model };
  if (args.max_tokens !== undefined) body.max_tokens = args.max_tokens;
  if (args.temperature !== undefined) body.temperature = args.temperature;
  if (args.top_p !== undefined) body.top_p = args.top_p;
  if (format !== null) {
    const { format: asked, strict } = format;
    // A format without a schema (`generate_object` with schema `true`) asks for any JSON.
    body.response_format =
      asked.type === 'json' && asked.schema !== undefined
        ? {
            type: 'json_schema',
            json_schema: { schema: asked.schema, strict, name: asked.name ?? 'response' },
          }
        : { type: 'json_object' };
  }
  if (args.stop !== undefined) body.stop = args.stop;
  if (args.seed !== undefined) body.seed = args.seed;
  if (args.top_k !== undefined) body.top_k = args.top_k;
  body.messages = chatMessages(request, capabilities);
  return body;
}

/**
 * The body of a `/completions` request in completion mode: what the SDK's completion model
 * writes once completion-mode.ts's fetch has put the exact prompt and stop sequences in.
 */
export function completionBody(
  model: string,
  request: CompletionRequest,
  exact: ExactCompletion,
): Record<string, unknown> {
  const { args } = request;
  const body: Record<string, unknown> = { model };
  if (args.max_tokens !== undefined) body.max_tokens = args.max_tokens;
  if (args.temperature !== undefined) body.temperature = args.temperature;
  if (args.top_p !== undefined) body.top_p = args.top_p;
  if (args.seed !== undefined) body.seed = args.seed;
  if (args.top_k !== undefined) body.top_k = args.top_k;
  body.prompt = exact.prompt;
  if (exact.stop.length > 0) body.stop = [...exact.stop];
  return body;
}

/**
 * True when every image of the request is one the chat body can carry as `image_url`; the SDK
 * turns other media types (audio, PDF, text) into other parts, so such calls stay on its path.
 */
export function imagesAreImages(request: CompletionRequest): boolean {
  if (request.messages === null) return true;
  for (const message of request.messages) {
    for (const image of message.images ?? []) {
      if (!image.mediaType.startsWith('image/')) return false;
    }
  }
  return true;
}

/**
 * The messages as toModelPrompt (call-options.ts) and then the SDK's
 * convertToOpenAICompatibleChatMessages make them: the instruction appended to the last user
 * message; a user message with images becomes a list of parts (text first), every other message
 * a string content.
 */
function chatMessages(
  request: CompletionRequest,
  capabilities: BackendCapabilities,
): WireMessage[] {
  const given: readonly Message[] =
    request.prompt !== null
      ? [{ role: 'user', content: request.prompt }]
      : (request.messages ?? []);
  const instruction = instructionFor(request, capabilities);
  const messages = instruction === null ? given : appendInstruction(given, instruction);
  return messages.map((message): WireMessage => {
    if (message.role === 'user' && message.images && message.images.length > 0) {
      return {
        role: 'user',
        content: [{ type: 'text', text: message.content }, ...message.images.map(imagePart)],
      };
    }
    return { role: message.role, content: message.content };
  });
}

/** An image part: its URL as the URL class writes it, or its bytes as a data URL. */
function imagePart(image: ImageData): WirePart {
  if (image.kind === 'url')
    return { type: 'image_url', image_url: { url: new URL(image.url).toString() } };
  // The SDK's spelling of an image whose exact type is unknown.
  const mediaType = image.mediaType === 'image/*' ? 'image/jpeg' : image.mediaType;
  return { type: 'image_url', image_url: { url: `data:${mediaType};base64,${image.base64}` } };
}
