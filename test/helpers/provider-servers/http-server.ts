import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the test server saw it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v1/chat/completions`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The JSON body parsed, or the raw text when it is not JSON. */
  body: unknown;
  /** Resolves when the client's connection for this request closes. */
  closed: Promise<void>;
  /** True once the client went away before the server answered. */
  abortedByClient: () => boolean;
}

/** What the server does with one request. */
export type Reply =
  { status: number; headers?: Record<string, string>; body: string | object } | { hang: true };

/** A local HTTP server on 127.0.0.1 that answers from a script and records every request. */
export interface TestServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  requests: RecordedRequest[];
  /** Resolves once `count` requests have arrived. */
  received(count: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a server on port 0; `respond` gets each request and its index (from 0). */
export async function startServer(
  respond: (request: RecordedRequest, index: number) => Reply,
): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let answered = false;
    let aborted = false;
    const closed = new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
    res.once('close', () => {
      if (!answered) aborted = true;
    });
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the raw text
      }
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        closed,
        abortedByClient: () => aborted,
      };
      requests.push(recorded);
      for (const waiter of waiters.filter((w) => w.count <= requests.length)) waiter.resolve();
      const reply = respond(recorded, requests.length - 1);
      if ('hang' in reply) return;
      answered = true;
      const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        'content-type': typeof reply.body === 'string' ? 'text/html' : 'application/json',
        ...reply.headers,
      });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    received: (count) =>
      requests.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging requests and keep-alive sockets would keep close() waiting forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
