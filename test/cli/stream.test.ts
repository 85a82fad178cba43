// `ot run --stream` through the real CLI, against a local server streaming OpenAI SSE.
import { spawn } from 'node:child_process';
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
import { buildDist, repoRoot, runOt } from './run-ot.js';

const bin = join(repoRoot, 'bin', 'ot.js');

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

/** A promise and the function that resolves it. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

/** The `── builtin at …` headers and the text after each, from `--stream`'s stderr. */
function shownCalls(stderr: string): string[] {
  return stderr
    .split(/^── generate_text at flow\.ot:\d+:\d+ \(local\)\n/m)
    .slice(1)
    .map((text) => text.replace(/\n$/, ''));
}

// `first` starts only once `zero`'s reply is known (in an `if`, or in its arguments); `second`
// waits for nothing, so it starts with `zero`, before `first`.
const SECOND_STARTS_FIRST = {
  'an if on an earlier reply':
    '<< x = generate_text("zero") >>|{% if x %}<< generate_text("first") >>{% endif %}|<< generate_text("second") >>',
  'arguments made of an earlier reply':
    '<< x = generate_text("zero") >>|<< generate_text("first " ~ x) >>|<< generate_text("second") >>',
};

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

  it.each(Object.entries(SECOND_STARTS_FIRST))(
    'shows calls in source order when a later one starts and ends first (%s)',
    async (_name, flow) => {
      const second = signal();
      server = await startSseServer(async (stream, request) => {
        const text = userText(request.body);
        if (text.startsWith('zero')) {
          streamChat(stream, ['Z']);
        } else if (text.startsWith('first')) {
          stream.send(chatChunk('A1'));
          // `second` has streamed and ended by now: it is still shown after `first`, whole.
          await second.promise;
          await new Promise((resolve) => setTimeout(resolve, 50));
          streamChat(stream, ['A2']);
        } else {
          streamChat(stream, ['B1', 'B2']);
          second.fire();
        }
      });
      const dir = project(server.url, flow);
      const cache = mkdtempSync(join(tmpdir(), 'ot-stream-cache-'));
      const args = ['run', 'flow.ot', '--backend', 'local', '--cache', cache, '--stream'];
      const result = await runOt(args, { cwd: dir });
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('Z|A1A2|B1B2\n');
      // The server saw `second` before `first`: the display reorders them.
      const seen = server.requests.map((r) => userText(r.body).split(' ')[0]);
      expect(seen.indexOf('second')).toBeLessThan(seen.indexOf('first'));
      expect(shownCalls(result.stderr)).toEqual(['Z', 'A1A2', 'B1B2']);

      // Replayed, each call shows whole in its turn (`second`'s replay is ready first).
      const replay = await runOt(args, { cwd: dir });
      expect(server.requests).toHaveLength(3);
      expect(shownCalls(replay.stderr)).toEqual(['Z', 'A1A2', 'B1B2']);
    },
  );

  it('shows a call that fails half-way in its turn, then the later calls', async () => {
    const second = signal();
    server = await startSseServer(async (stream, request) => {
      const text = userText(request.body);
      if (text === 'zero') {
        streamChat(stream, ['Z']);
      } else if (text === 'first') {
        stream.send(chatChunk('A1'));
        await second.promise;
        stream.drop();
      } else {
        streamChat(stream, ['B1', 'B2']);
        second.fire();
      }
    });
    const dir = project(server.url, SECOND_STARTS_FIRST['an if on an earlier reply']);
    const result = await runOt(
      ['run', 'flow.ot', '--backend', 'local', '--cache', 'off', '--stream'],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    const shown = shownCalls(result.stderr);
    expect(shown).toHaveLength(3);
    expect(shown[0]).toBe('Z');
    expect(shown[1]).toMatch(/^A1\n\[failed: [^\n]+\]$/);
    // The call that ended while `first` was shown comes after it, whole, then the run's error.
    expect(shown[2]).toMatch(/^B1B2\n/);
  });

  it('ends every shown call on Ctrl-C mid-stream, caching nothing', async () => {
    const cancelled = signal();
    server = await startSseServer((stream, request) => {
      const text = userText(request.body);
      if (text === 'first') stream.send(chatChunk('A1'));
      else stream.send(chatChunk('B1'));
      // Neither stream ends: the run is cancelled while both are open.
    });
    const dir = project(server.url, '<< generate_text("first") >>|<< generate_text("second") >>');
    const cache = mkdtempSync(join(tmpdir(), 'ot-stream-cache-'));
    const child = spawn(
      process.execPath,
      [bin, 'run', 'flow.ot', '--backend', 'local', '--cache', cache, '--stream'],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes('A1') && server!.requests.length === 2) cancelled.fire();
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    await cancelled.promise;
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    const shown = shownCalls(stderr);
    expect(shown[0]).toMatch(/^A1\n\[failed: [^\n]*cancel[^\n]*\]$/);
    // The second call's text, held back while the first was shown, appears in its turn.
    expect(shown[1]).toMatch(/^B1\n\[failed: [^\n]*cancel[^\n]*\]\n/);
    expect(stderr).toContain('ot: cancelled');

    // Nothing was cached: the next run asks again.
    await server.close();
    server = await startSseServer((stream, request) =>
      streamChat(stream, [userText(request.body).toUpperCase()]),
    );
    writeFileSync(
      join(dir, 'ot.config.yaml'),
      `backends:\n  local:\n    provider: openai-compatible\n    model: m\n    base_url: ${server.url}/v1\n`,
    );
    const again = await runOt(
      ['run', 'flow.ot', '--backend', 'local', '--cache', cache, '--stream'],
      { cwd: dir },
    );
    expect(again.stdout).toBe('FIRST|SECOND\n');
    expect(server.requests).toHaveLength(2);
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
