// `ot run --stream` through the real CLI, against a local server streaming OpenAI SSE.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  chatChunk,
  startSseServer,
  streamChat,
  type SseServer,
} from '../helpers/provider-servers/sse-server.js';
import { buildDist, runOt } from './run-ot.js';

function project(url: string, flow: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ot-stream-'));
  writeFileSync(
    join(dir, 'ot.config.yaml'),
    `backends:\n  local:\n    provider: openai-compatible\n    model: m\n    base_url: ${url}/v1\n    max_retries: 2\n`,
  );
  writeFileSync(join(dir, 'flow.ot'), flow);
  return dir;
}

function userText(body: Record<string, unknown>): string {
  const messages = body.messages as { content: string }[];
  return messages[messages.length - 1]!.content;
}

beforeAll(() => buildDist());

describe('ot run --stream', () => {
  let server: SseServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('shows replies as they come, in source order, on stderr; the result on stdout', async () => {
    let secondDone!: () => void;
    const second = new Promise<void>((resolve) => (secondDone = resolve));
    server = await startSseServer(async (stream, request) => {
      if (userText(request.body).includes('first')) {
        stream.send(chatChunk('A1'));
        // The second call ends before the first: it must still be shown after it.
        await second;
        await new Promise((resolve) => setTimeout(resolve, 50));
        streamChat(stream, ['A2']);
      } else {
        streamChat(stream, ['B1', 'B2']);
        secondDone();
      }
    });
    const dir = project(server.url, '<< generate_text("first") >>|<< generate_text("second") >>');
    const result = await runOt(
      ['run', 'flow.ot', '--backend', 'local', '--cache', 'off', '--stream'],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('A1A2|B1B2\n');
    expect(result.stderr).toMatch(
      /^── generate_text at flow\.ot:1:\d+ \(local\)\nA1A2\n── generate_text at flow\.ot:1:\d+ \(local\)\nB1B2\n$/,
    );
  });

  it('streams nothing without --stream when stderr is not a terminal', async () => {
    server = await startSseServer((stream, request) => {
      if (request.body.stream === true) streamChat(stream, ['streamed']);
      else
        stream.fail(200, {
          id: 'c',
          object: 'chat.completion',
          created: 1,
          model: 'm',
          choices: [
            { index: 0, message: { role: 'assistant', content: 'x' }, finish_reason: 'stop' },
          ],
        });
    });
    const dir = project(server.url, '<< generate_text("q") >>');
    const result = await runOt(['run', 'flow.ot', '--backend', 'local', '--cache', 'off'], {
      cwd: dir,
    });
    expect(result.stdout).toBe('x\n');
    expect(result.stderr).toBe('');
    expect(server.requests[0]!.body.stream).toBeUndefined();
  });

  it('does not cache or retry a stream that broke after text was shown', async () => {
    server = await startSseServer((stream, _request, index) => {
      if (index === 0) {
        stream.send(chatChunk('Hal'));
        setTimeout(() => stream.drop(), 50);
      } else {
        streamChat(stream, ['Hello']);
      }
    });
    const dir = project(server.url, '<< generate_text("q") >>');
    const cache = mkdtempSync(join(tmpdir(), 'ot-stream-cache-'));
    const args = ['run', 'flow.ot', '--backend', 'local', '--cache', cache, '--stream'];
    const failed = await runOt(args, { cwd: dir });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Hal\n[failed: ');
    expect(failed.stderr).toContain('part of the reply was already shown; not retrying');
    expect(server.requests).toHaveLength(1);

    const again = await runOt(args, { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('Hello\n');
    expect(server.requests).toHaveLength(2);

    // The full reply was cached: a third run replays it, shown whole.
    const replay = await runOt(args, { cwd: dir });
    expect(replay.stdout).toBe('Hello\n');
    expect(replay.stderr).toMatch(/\(local\)\nHello\n$/);
    expect(server.requests).toHaveLength(2);
  });

  it('refuses --stream with --inputs', async () => {
    const dir = project('http://127.0.0.1:9', 'x');
    writeFileSync(join(dir, 'rows.jsonl'), '{}\n');
    const result = await runOt(['run', 'flow.ot', '--inputs', 'rows.jsonl', '--stream'], {
      cwd: dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--stream shows the calls of one run');
  });
});
