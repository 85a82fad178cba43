import { STATUS_CODES } from 'node:http';
import { BackendError } from '../backend-error.js';
import { clip, excerpt } from '../excerpt.js';
import { isRetryableStatus, parseRetryAfter } from '../retry.js';

/** What an error message can say about the backend beyond the failure itself. */
export interface ErrorContext {
  /** The variable the API key came from, named on a 401; null when no key is sent. */
  apiKeyEnv: string | null;
}

/**
 * A failed HTTP call as plain data: the fields of the AI SDK's APICallError that we read, which
 * the direct request path (direct-sender.ts) fills the same way, so both paths report alike.
 */
export interface ApiFailure {
  /** The SDK's message: the provider's error text, the status text, or what went wrong. */
  message: string;
  url: string;
  /** Absent when no response came (a network error). */
  statusCode?: number;
  /** Lower-case names, as fetch gives them. */
  responseHeaders?: Record<string, string>;
  /** Absent when the body could not be read. */
  responseBody?: string;
  isRetryable: boolean;
  /** On a 2xx: true when the body is not JSON at all (else it is JSON of the wrong shape). */
  notJson?: boolean;
  /** On a 2xx: which field of the body is wrong, when known. */
  wrongField?: string;
  cause?: unknown;
}

/** The AI SDK's APICallError, recognised by name. */
interface ApiCallErrorLike extends ApiFailure {
  name: string;
}

/**
 * Turns whatever a provider model threw into a BackendError a user can act on: the status, the
 * provider's own error text, the request id and, for 401, where the key came from. Whether to
 * retry is decided here by retry.ts's rules, not by the client library.
 */
export function toBackendError(error: unknown, context: ErrorContext): BackendError {
  if (error instanceof BackendError) return error;
  if (isApiCallError(error)) {
    const causeName = error.cause instanceof Error ? error.cause.name : '';
    return fromApiFailure(
      {
        message: error.message,
        url: error.url,
        statusCode: error.statusCode,
        responseHeaders: error.responseHeaders,
        responseBody: error.responseBody,
        isRetryable: error.isRetryable,
        notJson: causeName === 'AI_JSONParseError',
        cause: error.cause,
      },
      context,
      error,
    );
  }
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

/**
 * The BackendError for a failed HTTP call, whichever path sent it; `original` (the SDK's error,
 * or the failure itself) becomes its cause.
 */
export function fromApiFailure(
  error: ApiFailure,
  context: ErrorContext,
  original: unknown = error,
): BackendError {
  const status = error.statusCode ?? null;
  const headers = error.responseHeaders ?? {};
  const requestId = headers['x-request-id'] ?? headers['request-id'] ?? null;
  const idNote = requestId === null ? '' : ` (request id ${requestId})`;
  if (status === null) {
    const cause = error.cause instanceof Error ? describeNetworkError(error.cause) : error.message;
    return new BackendError(`cannot reach ${error.url}: ${cause}`, {
      retryable: error.isRetryable,
      cause: original,
    });
  }
  const body = error.responseBody ?? '';
  if (status >= 200 && status < 300) {
    const what =
      error.responseBody === undefined
        ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}`
        : describeBody(body, error.notJson === true, error.wrongField);
    return new BackendError(
      `malformed response: HTTP ${status} from ${error.url}: ${what}${idNote}`,
      { status, requestId, cause: original },
    );
  }
  const statusText = STATUS_CODES[status] ?? '';
  // Without a JSON error body the SDK's message is only the status text; say what came instead.
  const detail =
    error.message === '' || error.message === statusText || error.message.startsWith('Failed to')
      ? body.trim() === ''
        ? ''
        : `: ${describeBody(body, false)}`
      : `: ${error.message}`;
  const hint = status === 401 ? keyHint(context) : '';
  return new BackendError(
    `HTTP ${status}${statusText ? ` ${statusText}` : ''} from ${error.url}${detail}${idNote}${hint}`,
    {
      status,
      requestId,
      retryable: isRetryableStatus(status),
      retryAfterMs: parseRetryAfter(headers),
      cause: original,
    },
  );
}

function keyHint(context: ErrorContext): string {
  return context.apiKeyEnv === null
    ? '; this backend sends no API key: name the variable that holds one with `api_key_env`'
    : `; check the API key in the environment variable ${context.apiKeyEnv}`;
}

/** Says what a body is when it is not the JSON we expected: an HTML page, other text, or JSON. */
function describeBody(body: string, notJson: boolean, wrongField?: string): string {
  const text = body.trim();
  if (text === '') return 'an empty body';
  if (text.startsWith('<')) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    return `an HTML page${title ? ` titled ${excerpt(title, 80)}` : ''} instead of JSON (is base_url the API's address?)`;
  }
  if (notJson) return `a body that is not JSON: ${clip(text)}`;
  const field = wrongField === undefined ? '' : ` (${wrongField})`;
  return `an unexpected body${field}: ${clip(text)}`;
}

function describeNetworkError(cause: Error): string {
  const code = (cause as NodeJS.ErrnoException).code;
  return code && !cause.message.includes(code) ? `${cause.message} (${code})` : cause.message;
}
