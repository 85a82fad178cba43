import { STATUS_CODES } from 'node:http';
import { BackendError } from '../backend-error.js';
import { clip, excerpt } from '../excerpt.js';
import { isRetryableStatus, parseRetryAfter } from '../retry.js';

/** What an error message can say about the backend beyond the failure itself. */
export interface ErrorContext {
  /** The variable the API key came from, named on a 401; null when no key is sent. */
  apiKeyEnv: string | null;
}

/** The fields of the AI SDK's APICallError that we read. */
interface ApiCallErrorLike {
  name: string;
  message: string;
  url: string;
  statusCode?: number;
  responseHeaders?: Record<string, string>;
  responseBody?: string;
  isRetryable: boolean;
  cause?: unknown;
}

/**
 * Turns whatever a provider model threw into a BackendError a user can act on: the status, the
 * provider's own error text, the request id and, for 401, where the key came from. Whether to
 * retry is decided here by retry.ts's rules, not by the client library.
 */
export function toBackendError(error: unknown, context: ErrorContext): BackendError {
  if (error instanceof BackendError) return error;
  if (isApiCallError(error)) return fromApiCallError(error, context);
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'AI_InvalidResponseDataError' || error instanceof TypeError) {
    // The body parsed but had the wrong shape (e.g. `choices: []`): the SDK either says so or
    // trips over it.
    return new BackendError(`malformed response: ${message}`, { cause: error });
  }
  return new BackendError(message, { cause: error });
}

// Checked by name: the class lives in @ai-sdk/provider, which we do not import directly, and
// the SDK documents these names (`AI_APICallError`) as stable.
function isApiCallError(error: unknown): error is ApiCallErrorLike {
  return error instanceof Error && error.name === 'AI_APICallError' && 'url' in error;
}

function fromApiCallError(error: ApiCallErrorLike, context: ErrorContext): BackendError {
  const status = error.statusCode ?? null;
  const headers = error.responseHeaders ?? {};
  const requestId = headers['x-request-id'] ?? headers['request-id'] ?? null;
  const idNote = requestId === null ? '' : ` (request id ${requestId})`;
  if (status === null) {
    const cause = error.cause instanceof Error ? describeNetworkError(error.cause) : error.message;
    return new BackendError(`cannot reach ${error.url}: ${cause}`, {
      retryable: error.isRetryable,
      cause: error,
    });
  }
  const body = error.responseBody ?? '';
  if (status >= 200 && status < 300) {
    const what =
      error.responseBody === undefined
        ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}`
        : describeBody(body, error.cause);
    return new BackendError(
      `malformed response: HTTP ${status} from ${error.url}: ${what}${idNote}`,
      { status, requestId, cause: error },
    );
  }
  const statusText = STATUS_CODES[status] ?? '';
  // Without a JSON error body the SDK's message is only the status text; say what came instead.
  const detail =
    error.message === '' || error.message === statusText || error.message.startsWith('Failed to')
      ? body.trim() === ''
        ? ''
        : `: ${describeBody(body, null)}`
      : `: ${error.message}`;
  const hint = status === 401 ? keyHint(context) : '';
  return new BackendError(
    `HTTP ${status}${statusText ? ` ${statusText}` : ''} from ${error.url}${detail}${idNote}${hint}`,
    {
      status,
      requestId,
      retryable: isRetryableStatus(status),
      retryAfterMs: parseRetryAfter(headers),
      cause: error,
    },
  );
}

function keyHint(context: ErrorContext): string {
  return context.apiKeyEnv === null
    ? '; this backend sends no API key: name the variable that holds one with `api_key_env`'
    : `; check the API key in the environment variable ${context.apiKeyEnv}`;
}

/** Says what a body is when it is not the JSON we expected: an HTML page, other text, or JSON. */
function describeBody(body: string, cause: unknown): string {
  const text = body.trim();
  if (text === '') return 'an empty body';
  if (text.startsWith('<')) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    return `an HTML page${title ? ` titled ${excerpt(title, 80)}` : ''} instead of JSON (is base_url the API's address?)`;
  }
  const causeName = cause instanceof Error ? cause.name : '';
  if (causeName === 'AI_JSONParseError') return `a body that is not JSON: ${clip(text)}`;
  return `an unexpected body: ${clip(text)}`;
}

function describeNetworkError(cause: Error): string {
  const code = (cause as NodeJS.ErrnoException).code;
  return code && !cause.message.includes(code) ? `${cause.message} (${code})` : cause.message;
}
