import {
  brotliDecompressSync,
  constants as zlibConstants,
  gunzipSync,
  inflateRawSync,
  inflateSync,
} from 'node:zlib';
import type { Dispatcher } from 'undici';

/** What came back for one POST: the status line, the raw headers and the body as text. */
export interface HttpResponse {
  status: number;
  statusText: string;
  /** Name, value, name, value… as undici gives them (see headerRecord). */
  rawHeaders: readonly Buffer[];
  body: string;
}

/** A POST that got no complete response: no status when none came, else the one that did. */
export interface HttpFailure {
  status: number | null;
  statusText: string;
  rawHeaders: readonly Buffer[];
  error: Error;
}

/** What postJson settles with; aborts and network errors included (it never rejects). */
export type HttpOutcome =
  { ok: true; response: HttpResponse } | { ok: false; failure: HttpFailure };

let agent: Promise<Dispatcher> | null = null;

/**
 * The one connection pool of the direct request path: undici's Agent, with its defaults, which
 * are those of Node's own fetch (no connection limit, keep-alive, 300 s header and body
 * timeouts). Loaded on first use from undici's Agent module alone: the package's index also
 * loads fetch, WebSocket and the rest, which doubles the start-up cost for nothing. A literal
 * `import()`, so that bundlers (the VS Code extension's) carry the module along.
 */
function sharedAgent(): Promise<Dispatcher> {
  agent ??= import('undici/lib/dispatcher/agent.js').then(({ default: Agent }) => new Agent());
  return agent;
}

/**
 * Sends `body` (JSON text) by POST with undici's dispatcher API, the cheapest way Node has to
 * make an HTTP request (no fetch Response, no web streams), and collects the reply as text
 * decoded as fetch's `text()` would (UTF-8, a leading BOM dropped, gzip/deflate/br undone).
 * `signal` aborts it at any point; the outcome is then a failure carrying the signal's reason.
 */
export function postJson(
  url: URL,
  headers: Readonly<Record<string, string>>,
  body: string,
  signal: AbortSignal,
): Promise<HttpOutcome> {
  return new Promise<HttpOutcome>((resolve) => {
    let status: number | null = null;
    let statusText = '';
    let rawHeaders: readonly Buffer[] = [];
    const chunks: Buffer[] = [];
    let abortRequest: ((error: Error) => void) | null = null;
    let settled = false;
    const settle = (outcome: HttpOutcome): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const fail = (error: Error): void =>
      settle({ ok: false, failure: { status, statusText, rawHeaders, error } });
    const onAbort = (): void => {
      const reason = abortReason(signal);
      abortRequest?.(reason);
      fail(reason);
    };
    if (signal.aborted) {
      fail(abortReason(signal));
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    const handler: Dispatcher.DispatchHandlers = {
      onConnect(abort) {
        abortRequest = abort;
        if (settled) abort(abortReason(signal));
      },
      onHeaders(statusCode, headerList, _resume, text) {
        // 1xx informational responses come before the real one.
        if (statusCode < 200) return true;
        status = statusCode;
        statusText = text;
        rawHeaders = headerList;
        return true;
      },
      onData(chunk) {
        chunks.push(chunk);
        return true;
      },
      onComplete() {
        if (status === null) {
          fail(new Error('the response ended before its status'));
          return;
        }
        let text: string;
        try {
          text = decodeBody(Buffer.concat(chunks), rawHeaders);
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        settle({ ok: true, response: { status, statusText, rawHeaders, body: text } });
      },
      onError(error) {
        fail(error);
      },
    };
    const dispatch = (dispatcher: Dispatcher): void => {
      // Aborted while the agent loaded: the outcome is already given.
      if (settled) return;
      dispatcher.dispatch(
        { origin: url.origin, path: `${url.pathname}${url.search}`, method: 'POST', headers, body },
        handler,
      );
    };
    sharedAgent()
      .then(dispatch)
      .catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
  });
}

/** Response headers as fetch's `Headers` gives them: lower-case names, repeats joined by ", ". */
export function headerRecord(rawHeaders: readonly Buffer[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toString('latin1').toLowerCase();
    const value = rawHeaders[i + 1]!.toString('latin1').trim();
    record[name] = name in record ? `${record[name]}, ${value}` : value;
  }
  return record;
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error('This operation was aborted');
}

/**
 * The body as text, as fetch decodes it: content codings undone last first (gzip, deflate, br;
 * an unknown one leaves the body as it came), leniently as fetch does, then UTF-8 without a BOM.
 */
function decodeBody(bytes: Buffer, rawHeaders: readonly Buffer[]): string {
  let decoded = bytes;
  const encoding = contentEncoding(rawHeaders);
  if (encoding !== null && bytes.length > 0) {
    const codings = encoding.toLowerCase().split(',');
    if (codings.length > 5) {
      throw new Error(
        `too many content-encodings in response: ${codings.length}, maximum allowed is 5`,
      );
    }
    const decoders: ((input: Buffer) => Buffer)[] = [];
    for (const coding of codings.reverse().map((c) => c.trim())) {
      if (coding === 'gzip' || coding === 'x-gzip')
        decoders.push((input) => gunzipSync(input, LENIENT));
      else if (coding === 'deflate') decoders.push(inflate);
      else if (coding === 'br') decoders.push((input) => brotliDecompressSync(input, LENIENT_BR));
      else {
        decoders.length = 0;
        break;
      }
    }
    for (const decode of decoders) decoded = decode(decoded);
  }
  const text = decoded.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const LENIENT = { flush: zlibConstants.Z_SYNC_FLUSH, finishFlush: zlibConstants.Z_SYNC_FLUSH };
const LENIENT_BR = {
  flush: zlibConstants.BROTLI_OPERATION_FLUSH,
  finishFlush: zlibConstants.BROTLI_OPERATION_FLUSH,
};

/** `deflate` as servers send it: zlib-wrapped (as specified) or raw (as some do). */
function inflate(input: Buffer): Buffer {
  // A zlib header's first byte has compression method 8 in its low bits.
  return (input[0]! & 0x0f) === 0x08 ? inflateSync(input, LENIENT) : inflateRawSync(input, LENIENT);
}

/** The content-encoding header (repeats joined, as fetch joins them), or null; no other is read. */
function contentEncoding(rawHeaders: readonly Buffer[]): string | null {
  let value: string | null = null;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    // Most replies have no such header: compare lengths before decoding any name.
    if (name.length !== CONTENT_ENCODING.length) continue;
    if (name.toString('latin1').toLowerCase() !== CONTENT_ENCODING) continue;
    const part = rawHeaders[i + 1]!.toString('latin1').trim();
    value = value === null ? part : `${value}, ${part}`;
  }
  return value;
}

const CONTENT_ENCODING = 'content-encoding';
