import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendReply, CompletionRequest, Message } from '../../src/backends/backend.js';
import { BackendError } from '../../src/backends/backend-error.js';
import { createBackend } from '../../src/config/create-backend.js';
import { parseConfig } from '../../src/config/load-config.js';

// The direct request path (src/backends/providers/direct-sender.ts) must send what the AI SDK
// path sends and read replies as it reads them. Each case goes through both paths to one
// capturing server, and the two requests and the two outcomes are compared.

/** A request as the server saw it: every header, and the body's exact text. */
interface Captured {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** What the server answers. */
interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

let server: Server;
let baseUrl = '';
let captured: Captured[] = [];
let answer: (path: string) => Answer = () => ({ status: 500, body: '' });

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        headers[req.rawHeaders[i]!.toLowerCase()] = req.rawHeaders[i + 1]!;
      }
      const path = req.url ?? '';
      captured.push({
        method: req.method ?? '',
        path,
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const reply = answer(path);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** What one call gave: its reply, or the fields of its error. */
type Outcome =
  | { reply: BackendReply }
  | {
      error: {
        message: string;
        status: number | null;
        requestId: string | null;
        retryable: boolean;
        retryAfterMs: number | null;
      };
    };

interface Setup {
  /** Extra lines of the backend's config. */
  extra?: string[];
  /** Without a key, no Authorization header goes out. */
  key?: string | null;
  /** Appended to the server's URL. */
  basePath?: string;
}

async function callThrough(
  direct: boolean,
  setup: Setup,
  request: Partial<CompletionRequest>,
): Promise<{ outcome: Outcome; requests: Captured[] }> {
  const key = setup.key === undefined ? 'sk-test' : setup.key;
  const text = [
    'backends:',
    '  b:',
    '    provider: openai-compatible',
    '    model: test-model',
    `    base_url: ${baseUrl}${setup.basePath ?? '/v1'}`,
    '    max_retries: 0',
    ...(key === null ? [] : ['    api_key_env: LOCAL_KEY']),
    ...(setup.extra ?? []).map((line) => `    ${line}`),
  ].join('\n');
  const config = parseConfig(text, '/project/ot.config.yaml');
  const env = key === null ? {} : { LOCAL_KEY: key };
  const backend = createBackend('b', config, env, { directRequests: direct });
  captured = [];
  let outcome: Outcome;
  try {
    outcome = {
      reply: await backend.complete({
        prompt: null,
        messages: null,
        args: {},
        responseSchema: null,
        choices: null,
        builtin: 'generate_text',
        signal: new AbortController().signal,
        ...request,
      }),
    };
  } catch (error) {
    if (!(error instanceof BackendError)) throw error;
    const { message, status, requestId, retryable, retryAfterMs } = error;
    outcome = { error: { message, status, requestId, retryable, retryAfterMs } };
  }
  return { outcome, requests: captured };
}

/** Runs a call through both paths; checks the requests are the same and returns the outcomes. */
async function bothPaths(
  setup: Setup,
  request: Partial<CompletionRequest>,
): Promise<{ direct: Outcome; sdk: Outcome; sent: Captured }> {
  const sdk = await callThrough(false, setup, request);
  const direct = await callThrough(true, setup, request);
  expect(direct.requests).toHaveLength(sdk.requests.length);
  const [fromDirect, fromSdk] = [direct.requests[0]!, sdk.requests[0]!];
  expect(fromDirect.method).toBe(fromSdk.method);
  expect(fromDirect.path).toBe(fromSdk.path);
  expect(fromDirect.headers).toEqual(fromSdk.headers);
  expect(JSON.parse(fromDirect.body)).toEqual(JSON.parse(fromSdk.body));
  // Not only the same JSON: the same bytes, field order included.
  expect(fromDirect.body).toBe(fromSdk.body);
  return { direct: direct.outcome, sdk: sdk.outcome, sent: fromDirect };
}

const ok = (content: unknown, extra: object = {}): Answer => ({
  status: 200,
  body: JSON.stringify({
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 },
    ...extra,
  }),
});

const chat: Message[] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Pick one.' },
  { role: 'assistant', content: 'I pick' },
  { role: 'user', content: 'Go on.' },
];

const png = {
  kind: 'bytes',
  mediaType: 'image/png',
  base64: 'iVBORw0KGgo=',
  sha256: 'a'.repeat(64),
} as const;

const requests: [string, Setup, Partial<CompletionRequest>][] = [
  ['a bare prompt', {}, { prompt: 'Southernmost city in France?' }],
  [
    'every supported argument',
    {},
    {
      prompt: 'hi',
      args: {
        temperature: 0.5,
        max_tokens: 7,
        stop: ['\n', 'END'],
        top_p: 0.9,
        top_k: 40,
        seed: 11,
      },
    },
  ],
  [
    'an empty stop list and a zero temperature',
    {},
    { prompt: 'hi', args: { stop: [], temperature: 0 } },
  ],
  ['chat messages', {}, { messages: chat }],
  [
    'images: bytes, a URL, and bytes of an unknown image type',
    {},
    {
      messages: [
        {
          role: 'user',
          content: 'What is shown?',
          images: [
            png,
            { kind: 'url', url: 'https://example.com/a b.png', mediaType: 'image/png' },
            { ...png, mediaType: 'image/*' },
          ],
        },
      ],
    },
  ],
  [
    'select asked in words (no structured_outputs)',
    {},
    { prompt: 'Which city?', choices: ['Paris', 'Lyon'], builtin: 'select' },
  ],
  [
    'select with a native choice schema',
    { extra: ['structured_outputs: true'] },
    { messages: chat, choices: ['Paris', 'Lyon'], builtin: 'select' },
  ],
  [
    'generate_object asked in words',
    {},
    { prompt: 'Count', responseSchema: { type: 'number' }, builtin: 'generate_object' },
  ],
  [
    'generate_object with a native schema',
    { extra: ['structured_outputs: true'] },
    {
      prompt: 'Count',
      responseSchema: { type: 'object', properties: { n: { type: 'number' } } },
      args: { temperature: 0 },
      builtin: 'generate_object',
    },
  ],
  [
    'generate_object with the schema `true` (any JSON)',
    { extra: ['structured_outputs: true'] },
    { prompt: 'Anything', responseSchema: true, builtin: 'generate_object' },
  ],
  [
    'no API key, and a base URL ending in a slash',
    { key: null, basePath: '/v1/' },
    { prompt: 'hi' },
  ],
  ['a key with spaces around it', { key: '  sk-spaced \t' }, { prompt: 'hi' }],
  [
    'completion mode with arguments and stop sequences',
    { extra: ['mode: completion'] },
    {
      prompt: 'Q: 2+2?\n\nA: \t',
      args: { temperature: 0.2, max_tokens: 9, top_p: 0.5, top_k: 3, seed: 1, stop: ['\n\n'] },
    },
  ],
  ['completion mode without stop sequences', { extra: ['mode: completion'] }, { prompt: 'Once' }],
  [
    'completion mode asking for one of some options',
    { extra: ['mode: completion'] },
    { prompt: 'Which city?', choices: ['Paris', 'Lyon'], builtin: 'select' },
  ],
];

describe('the direct request path sends what the AI SDK sends', () => {
  it.each(requests)('%s', async (_name, setup, request) => {
    const completion = setup.extra?.includes('mode: completion') === true;
    answer = () =>
      completion
        ? {
            status: 200,
            body: JSON.stringify({
              choices: [{ text: 'Lyon', index: 0, finish_reason: 'stop' }],
              usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
            }),
          }
        : ok(request.choices && setup.extra ? '{"choice":"Lyon"}' : 'Lyon');
    const { direct, sdk } = await bothPaths(setup, request);
    expect(direct).toEqual(sdk);
    expect(direct).toEqual({
      reply: {
        text: 'Lyon',
        finishReason: 'stop',
        usage: completion
          ? { inputTokens: 5, outputTokens: 2 }
          : { inputTokens: 11, outputTokens: 3 },
      },
    });
  });
});

const html = '<html><head><title>Sign in to Corp Proxy</title></head><body></body></html>';

const chatAnswers: [string, Answer][] = [
  [
    'a reply cut by the token limit',
    {
      status: 200,
      body: JSON.stringify({
        choices: [{ message: { content: 'Once upon a' }, finish_reason: 'length' }],
        usage: { prompt_tokens: 4, completion_tokens: 9 },
      }),
    },
  ],
  [
    'a refusal instead of content',
    ok(null, {
      choices: [
        {
          message: { role: 'assistant', content: null, refusal: 'I cannot.' },
          finish_reason: 'stop',
        },
      ],
    }),
  ],
  [
    'content as a list of parts, reasoning aside',
    ok(
      [
        { type: 'text', text: 'Hello, ' },
        { type: 'thinking', thinking: [{ type: 'text', text: 'hmm' }] },
        { type: 'text', text: 'world' },
        { type: 'image', url: 'x' },
      ],
      {},
    ),
  ],
  [
    'reasoning_content next to content',
    ok('Paris', {
      choices: [
        { message: { content: 'Paris', reasoning_content: 'Thinking…' }, finish_reason: 'stop' },
      ],
    }),
  ],
  ['an empty reply', ok('')],
  ['no usage', ok('hi', { usage: undefined })],
  ['usage with null counts', ok('hi', { usage: { prompt_tokens: null, completion_tokens: 2 } })],
  ['usage: null', ok('hi', { usage: null })],
  [
    'extra fields everywhere',
    ok('hi', {
      system_fingerprint: 'fp',
      choices: [
        {
          index: 0,
          logprobs: null,
          message: { role: 'assistant', content: 'hi', annotations: [] },
          finish_reason: 'stop',
        },
      ],
    }),
  ],
  [
    'a UTF-8 BOM and non-ASCII text',
    { status: 200, body: `\ufeff${ok('Zürich — 東京').body as string}` },
  ],
  [
    'a gzip-compressed reply',
    {
      status: 200,
      headers: { 'content-encoding': 'gzip' },
      body: gzipSync(ok('squeezed').body as string),
    },
  ],
  [
    'a brotli-compressed reply',
    {
      status: 200,
      headers: { 'content-encoding': 'br' },
      body: brotliCompressSync(ok('squeezed').body as string),
    },
  ],
  [
    'an unknown content coding (left as it came)',
    { status: 200, headers: { 'content-encoding': 'zstd' }, body: ok('plain').body },
  ],
  ['no reply text', ok(null)],
  ['no reply text and no finish reason', ok(null, { choices: [{ message: { content: null } }] })],
  ['no choices', ok('x', { choices: [] })],
  ['a body that is not JSON', { status: 200, body: 'Internal error, sorry' }],
  [
    'an HTML page with status 200',
    { status: 200, headers: { 'content-type': 'text/html' }, body: html },
  ],
  [
    'a key __proto__ in the body',
    { status: 200, body: '{"__proto__":{"x":1},"choices":[{"message":{"content":"hi"}}]}' },
  ],
  [
    '429 with Retry-After and a request id',
    {
      status: 429,
      headers: { 'retry-after': '3', 'x-request-id': 'req_1' },
      body: JSON.stringify({
        error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit' },
      }),
    },
  ],
  ['429 with retry-after-ms', { status: 429, headers: { 'retry-after-ms': '1500' }, body: '' }],
  [
    '503 with a JSON error',
    { status: 503, body: JSON.stringify({ error: { message: 'overloaded' } }) },
  ],
  [
    '401',
    {
      status: 401,
      headers: { 'request-id': 'req_401' },
      body: JSON.stringify({ error: { message: 'bad key' } }),
    },
  ],
  ['404 with an empty body', { status: 404, body: '' }],
  [
    '400 with an error of another shape',
    { status: 400, body: JSON.stringify({ error: { message: 5 } }) },
  ],
  ['400 with plain text', { status: 400, body: 'Bad things' }],
  [
    '502 with an HTML page',
    {
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html><head><title>502 Bad Gateway</title></head></html>',
    },
  ],
];

describe('the direct request path reads replies as the AI SDK reads them', () => {
  it.each(chatAnswers)('%s', async (_name, reply) => {
    answer = () => reply;
    const { direct, sdk } = await bothPaths({}, { prompt: 'hi' });
    expect(direct).toEqual(sdk);
  });

  it.each([
    ['content of the wrong type', ok(5)],
    ['a choice without a message', ok('x', { choices: [{ finish_reason: 'stop' }] })],
    ['usage counts that are not numbers', ok('x', { usage: { prompt_tokens: '11' } })],
    ['choices that are not a list', ok('x', { choices: { 0: {} } })],
  ])(
    'refuses a body of the wrong shape as the SDK does, naming the field: %s',
    async (_name, reply) => {
      answer = () => reply;
      const { direct, sdk } = await bothPaths({}, { prompt: 'hi' });
      if (!('error' in direct) || !('error' in sdk)) throw new Error('both paths must fail');
      // The direct path says which field is wrong; otherwise the errors are the same.
      const field = /an unexpected body \(([^)]*)\)/.exec(direct.error.message)?.[1];
      expect(field).toBeTruthy();
      expect({ ...direct.error, message: direct.error.message.replace(` (${field})`, '') }).toEqual(
        sdk.error,
      );
      expect(sdk.error.message).toContain('malformed response: HTTP 200');
    },
  );

  it.each([
    ['a reply', { text: 'Paris', finish_reason: 'stop' }],
    ['a reply cut by the token limit', { text: 'Par', finish_reason: 'length' }],
    ['an empty reply', { text: '', finish_reason: 'stop' }],
  ])('reads completion mode replies as the SDK does: %s', async (_name, choice) => {
    answer = () => ({
      status: 200,
      body: JSON.stringify({
        choices: [choice],
        usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
      }),
    });
    const { direct, sdk } = await bothPaths({ extra: ['mode: completion'] }, { prompt: 'City:' });
    expect(direct).toEqual(sdk);
    expect('reply' in direct).toBe(true);
  });

  it('refuses a completion reply without a finish reason, as the SDK does', async () => {
    answer = () => ({
      status: 200,
      body: JSON.stringify({ choices: [{ text: 'x', finish_reason: null }] }),
    });
    const { direct, sdk } = await bothPaths({ extra: ['mode: completion'] }, { prompt: 'City:' });
    if (!('error' in direct) || !('error' in sdk)) throw new Error('both paths must fail');
    expect(direct.error.message).toContain('choices[0].finish_reason is not a string');
    expect(direct.error.message.replace(' (choices[0].finish_reason is not a string)', '')).toBe(
      sdk.error.message,
    );
  });

  it('unwraps a native choice the same way', async () => {
    answer = () => ok('{"choice":"Lyon"}');
    const setup = { extra: ['structured_outputs: true'] };
    const request = { prompt: 'Which?', choices: ['Paris', 'Lyon'], builtin: 'select' };
    const { direct, sdk } = await bothPaths(setup, request);
    expect(direct).toEqual(sdk);
    expect(direct).toMatchObject({ reply: { text: 'Lyon' } });
  });
});

describe('an API key an HTTP header cannot carry', () => {
  it('fails before any request on both paths, and the direct path does not show the key', async () => {
    answer = () => ok('unused');
    for (const direct of [true, false]) {
      const { outcome, requests } = await callThrough(
        direct,
        { key: 'sk-one\nsk-two' },
        { prompt: 'hi' },
      );
      expect(requests).toHaveLength(0);
      expect('error' in outcome).toBe(true);
      if (direct && 'error' in outcome) {
        expect(outcome.error.message).toContain('LOCAL_KEY');
        expect(outcome.error.message).not.toContain('sk-one');
      }
    }
  });
});

describe('the choice of path', () => {
  it('sends a file that is not an image through the SDK, which makes it a file part', async () => {
    answer = () => ok('a PDF');
    const pdf = { ...png, mediaType: 'application/pdf' };
    const { requests } = await callThrough(
      true,
      {},
      {
        messages: [{ role: 'user', content: 'Summarise', images: [pdf] }],
      },
    );
    const body = JSON.parse(requests[0]!.body) as { messages: { content: { type: string }[] }[] };
    expect(body.messages[0]!.content.map((part) => part.type)).toEqual(['text', 'file']);
  });

  it('sends a call answered by a redirect again through the SDK, whose fetch follows it', async () => {
    answer = (path) =>
      path === '/v1/chat/completions'
        ? { status: 307, headers: { location: '/v2/chat/completions' }, body: '' }
        : ok('moved');
    const { outcome, requests } = await callThrough(true, {}, { prompt: 'hi' });
    expect(outcome).toEqual({
      reply: { text: 'moved', finishReason: 'stop', usage: { inputTokens: 11, outputTokens: 3 } },
    });
    expect(requests.map((r) => r.path)).toEqual([
      '/v1/chat/completions',
      '/v1/chat/completions',
      '/v2/chat/completions',
    ]);
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);
  });
});
