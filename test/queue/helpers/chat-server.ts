import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local OpenAI-compatible server that answers every chat request after a delay and counts prompts. */
export interface ChatServer {
  /** `http://127.0.0.1:PORT/v1`: the `base_url` of a backend. */
  baseUrl: string;
  /** How many requests each distinct prompt (the last message's text) brought. */
  counts: Map<string, number>;
  /** The prompts received and not answered yet. */
  pending(): string[];
  /** The prompts of requests whose client went away before the answer (a killed worker's). */
  dropped(): string[];
  /** The prompts answered in the last `ms` milliseconds. */
  answeredWithin(ms: number): string[];
  /** Resolves once this many requests have arrived (since the last `reset`). */
  received(count: number): Promise<void>;
  /** Forgets the requests so far (counts and the total). */
  reset(): void;
  close(): Promise<void>;
}

/** The reply to a prompt: deterministic, so local and queued runs agree. */
export function replyTo(prompt: string): string {
  return `reply to ${prompt.length} chars: ${prompt.slice(-24)}`;
}

/** Starts the server on a free port; each reply comes `latencyMs` after the request. */
export async function startChatServer(latencyMs: number): Promise<ChatServer> {
  const counts = new Map<string, number>();
  const open = new Map<number, string>();
  const answered: { prompt: string; at: number }[] = [];
  const dropped: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let total = 0;
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        messages: { content: string }[];
      };
      const prompt = body.messages.at(-1)?.content ?? '';
      counts.set(prompt, (counts.get(prompt) ?? 0) + 1);
      total++;
      for (const waiter of waiters.filter((w) => w.count <= total)) waiter.resolve();
      const id = next++;
      open.set(id, prompt);
      // A client killed mid-request closes the socket: that request is no longer pending.
      res.once('close', () => {
        if (open.delete(id)) dropped.push(prompt);
      });
      setTimeout(() => {
        open.delete(id);
        if (res.destroyed) return;
        answered.push({ prompt, at: Date.now() });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'chatcmpl-1',
            object: 'chat.completion',
            created: 1_700_000_000,
            model: 'test-model',
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: replyTo(prompt) },
                finish_reason: 'stop',
              },
            ],
            usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 },
          }),
        );
      }, latencyMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    counts,
    pending: () => [...open.values()],
    dropped: () => [...dropped],
    answeredWithin: (ms) => {
      const since = Date.now() - ms;
      return answered.filter((a) => a.at >= since).map((a) => a.prompt);
    },
    received: (count) =>
      total >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    reset: () => {
      counts.clear();
      answered.length = 0;
      dropped.length = 0;
      total = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
