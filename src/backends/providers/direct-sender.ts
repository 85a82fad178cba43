import { createRequire } from 'node:module';
import type { BackendCapabilities, CompletionRequest, TokenUsage } from '../backend.js';
import { BackendError } from '../backend-error.js';
import { fromApiFailure, type ApiFailure, type ErrorContext } from './api-error.js';
import { exactCompletion } from './completion-mode.js';
import { headerRecord, postJson, type HttpFailure, type HttpResponse } from './http-post.js';
import { instructionFor } from './instructions.js';
import { chatBody, completionBody, imagesAreImages } from './openai-wire-body.js';
import { readChatReply, readCompletionReply } from './openai-wire-reply.js';
import type { ModelSettings, ProviderDefinition } from './provider-definition.js';
import { emptyReply, unwrapChoice } from './reply-text.js';
import { secureJsonParse } from './secure-json.js';

/** What one direct attempt gives: the reply text, the server's finish reason and usage. */
export interface DirectReply {
  text: string;
  /** As the server wrote it (`stop`, `length`…); `other` when it wrote none. */
  finishReason: string;
  usage: TokenUsage | undefined;
}

/** The answer was a redirect: fetch follows those and the direct path does not. */
export const REDIRECTED = Symbol('redirected');

/** One call made ready to send: each run of it is one attempt. */
export type DirectAttempt = (signal: AbortSignal) => Promise<DirectReply | typeof REDIRECTED>;

/**
 * Sends non-streamed calls of an openai-compatible backend without the AI SDK: the same request
 * (URL, headers, body) its chat or completion model would send, read without its zod schemas
 * and web streams. Retries are the caller's (retry.ts).
 */
export interface DirectSender {
  /**
   * The call's body built once (errors in it thrown now, where the SDK path throws them), or
   * null when the call is one the direct path does not cover: a file that is not an image,
   * which the SDK sends as another kind of part.
   */
  prepare(request: CompletionRequest): DirectAttempt | null;
}

/**
 * The direct sender of a backend, or null when its calls all go through the AI SDK: providers
 * other than openai-compatible (OpenAI's own model adapts each request to the model named), and
 * a base URL fetch would refuse or treat specially (credentials in it, not http or https).
 */
export function createDirectSender(
  definition: ProviderDefinition,
  settings: ModelSettings,
  capabilities: BackendCapabilities,
  context: ErrorContext,
): DirectSender | null {
  if (definition.provider !== 'openai-compatible') return null;
  const completion = settings.mode === 'completion';
  let url: URL;
  try {
    // As the SDK builds it: the base URL without one trailing slash, then the path.
    const path = completion ? '/completions' : '/chat/completions';
    url = new URL(`${settings.baseUrl.replace(/\/$/, '')}${path}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  const href = url.href;
  let headers: Promise<Record<string, string>> | null = null;

  return {
    prepare(request) {
      if (!imagesAreImages(request)) return null;
      const body = JSON.stringify(
        completion
          ? completionBody(
              settings.model,
              request,
              exactCompletion(request, instructionFor(request, capabilities)),
            )
          : chatBody(settings.model, request, capabilities),
      );
      headers ??= requestHeaders(settings.apiKey, url.protocol === 'https:', context.apiKeyEnv);
      const sent = headers;
      return async (signal) => send(request, await sent, body, signal);
    },
  };

  async function send(
    request: CompletionRequest,
    headers: Record<string, string>,
    body: string,
    signal: AbortSignal,
  ): Promise<DirectReply | typeof REDIRECTED> {
    const outcome = await postJson(url, headers, body, signal);
    if (!outcome.ok) {
      if (signal.aborted) throw outcome.failure.error;
      throw fromApiFailure(transportFailure(outcome.failure, href), context);
    }
    const { response } = outcome;
    if (response.status >= 300 && response.status < 400) return REDIRECTED;
    if (response.status < 200 || response.status >= 300) {
      throw fromApiFailure(errorResponse(response, href), context);
    }
    const malformed = (notJson: boolean, wrongField?: string): BackendError =>
      fromApiFailure(
        {
          message: 'Invalid JSON response',
          url: href,
          statusCode: response.status,
          responseHeaders: headerRecord(response.rawHeaders),
          responseBody: response.body,
          isRetryable: false,
          notJson,
          ...(wrongField === undefined ? {} : { wrongField }),
        },
        context,
      );
    let json: unknown;
    try {
      json = secureJsonParse(response.body);
    } catch {
      throw malformed(true);
    }
    const read = completion ? readCompletionReply(json) : readChatReply(json);
    if (read === null) {
      throw new BackendError('malformed response: Response did not contain any choices.');
    }
    if ('wrongField' in read) throw malformed(false, read.wrongField);
    const finishReason = read.finishReason ?? 'other';
    // Mirrors call-options.ts: a choice constraint wins over a response schema.
    const constrained =
      capabilities.choiceConstraint && request.choices !== null && request.choices.length > 0;
    const text =
      read.text === null
        ? emptyReply(json, finishReason, definition)
        : constrained
          ? unwrapChoice(read.text)
          : read.text;
    return { text, finishReason, usage: read.usage };
  }
}

let versions: Promise<{ sdkVersion: string; utilsVersion: string }> | null = null;

/**
 * The versions the SDK's user agent names: read from the packages' package.json files, which
 * costs nothing at start-up; where those files are not there (the VS Code extension bundles the
 * packages, without node_modules), from the packages' own `VERSION` exports.
 */
function sdkVersions(): Promise<{ sdkVersion: string; utilsVersion: string }> {
  versions ??= (async () => {
    try {
      const require = createRequire(import.meta.url);
      const sdkPackage = require.resolve('@ai-sdk/openai-compatible/package.json');
      const sdkVersion = (require(sdkPackage) as { version: string }).version;
      const utilsPackage = createRequire(sdkPackage)('@ai-sdk/provider-utils/package.json');
      return { sdkVersion, utilsVersion: (utilsPackage as { version: string }).version };
    } catch {
      const [sdk, utils] = await Promise.all([
        import('@ai-sdk/openai-compatible'),
        import('@ai-sdk/provider-utils'),
      ]);
      return { sdkVersion: sdk.VERSION, utilsVersion: utils.VERSION };
    }
  })();
  return versions;
}

/**
 * The headers the SDK path sends: the key as a bearer token when there is one, the JSON content
 * type and the SDK's user agent (its package versions and the runtime's), in the order `Headers`
 * lists them (by name), then those Node's fetch adds. Not built with `Headers` itself: that
 * loads Node's bundled undici, 60–100 ms of start-up.
 */
async function requestHeaders(
  apiKey: string | null,
  https: boolean,
  apiKeyEnv: string | null,
): Promise<Record<string, string>> {
  const { sdkVersion, utilsVersion } = await sdkVersions();
  return {
    ...(apiKey ? { authorization: headerValue(`Bearer ${apiKey}`, apiKeyEnv) } : {}),
    'content-type': 'application/json',
    'user-agent': [
      `ai-sdk/openai-compatible/${sdkVersion}`,
      `ai-sdk/provider-utils/${utilsVersion}`,
      runtimeUserAgent(),
    ].join(' '),
    accept: '*/*',
    'accept-language': '*',
    'sec-fetch-mode': 'cors',
    'accept-encoding': https ? 'br, gzip, deflate' : 'gzip, deflate',
  };
}

/**
 * A header value as `Headers` normalises it (spaces, tabs and line breaks around it dropped: a
 * key read from a file often ends in a newline), refusing what it refuses, without showing it.
 */
function headerValue(value: string, apiKeyEnv: string | null): string {
  const trimmed = value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  // A line break or NUL inside, or a character beyond Latin-1, which HTTP headers cannot carry.
  if (/[\0\n\r]|[^\u0000-\u00ff]/.test(trimmed)) {
    throw new BackendError(
      `the API key${apiKeyEnv === null ? '' : ` in ${apiKeyEnv}`} holds a character an HTTP header cannot carry (a line break, NUL or non-Latin-1 character)`,
    );
  }
  return trimmed;
}

/** The runtime part of the SDK's user agent (provider-utils `getRuntimeEnvironmentUserAgent`). */
function runtimeUserAgent(): string {
  const userAgent = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent;
  return userAgent ? `runtime/${userAgent.toLowerCase()}` : `runtime/node.js/${process.version}`;
}

/** A request that got no complete response, as the SDK reports it. */
function transportFailure(failure: HttpFailure, url: string): ApiFailure {
  if (failure.status === null) {
    // fetch fails with "fetch failed" caused by the network error: always worth a retry.
    return {
      message: `Cannot connect to API: ${failure.error.message}`,
      url,
      isRetryable: true,
      cause: failure.error,
    };
  }
  const success = failure.status >= 200 && failure.status < 300;
  return {
    message: success ? 'Failed to process successful response' : 'Failed to process error response',
    url,
    statusCode: failure.status,
    responseHeaders: headerRecord(failure.rawHeaders),
    isRetryable: true,
    cause: failure.error,
  };
}

/** An error status, with the provider's message when the body is its JSON error object. */
function errorResponse(response: HttpResponse, url: string): ApiFailure {
  return {
    message: providerMessage(response.body) ?? response.statusText,
    url,
    statusCode: response.status,
    responseHeaders: headerRecord(response.rawHeaders),
    responseBody: response.body,
    isRetryable: false,
  };
}

/**
 * `error.message` of an OpenAI-style error body, checked as the SDK's error schema checks it
 * (`{"error": {"message": string, "type"?: string, "code"?: string | number}}`), else null.
 */
function providerMessage(body: string): string | null {
  if (body.trim() === '') return null;
  let json: unknown;
  try {
    json = secureJsonParse(body);
  } catch {
    return null;
  }
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(json) || !isObject(json.error)) return null;
  const { message, type, code } = json.error;
  if (typeof message !== 'string') return null;
  if (type !== null && type !== undefined && typeof type !== 'string') return null;
  if (code !== null && code !== undefined && typeof code !== 'string' && typeof code !== 'number') {
    return null;
  }
  return message;
}
