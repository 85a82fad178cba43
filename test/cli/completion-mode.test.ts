// `mode: completion` through the real CLI: prefixes byte-exact, chats formatted and stopped at
// the next role marker, and a bad mode pointed at with file:line:col.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { completionAnswer, promptAndStop } from '../helpers/provider-servers/completions-wire.js';
import { startServer, type TestServer } from '../helpers/provider-servers/http-server.js';
import { buildDist, runOt } from './run-ot.js';

function project(config: string, flow: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ot-completion-'));
  writeFileSync(join(dir, 'ot.config.yaml'), config);
  writeFileSync(join(dir, 'flow.ot'), flow);
  return dir;
}

const roleStops = ['\nuser:', '\nassistant:', '\nsystem:'];

beforeAll(() => buildDist());

describe('mode: completion through the CLI', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  function config(url: string, mode = 'completion'): string {
    return (
      `backends:\n  local:\n    provider: openai-compatible\n    model: m\n` +
      `    base_url: ${url}/v1\n    mode: ${mode}\n`
    );
  }

  it('sends generate_text the exact prefix, and formats chat and instruct with role stops', async () => {
    server = await startServer(() => ({ status: 200, body: completionAnswer('ok') }));
    const flows = [
      'Q: What is 2+2?\nA: << generate_text(max_tokens=3) >>',
      '{% role "system" %}Be brief.{% endrole %}{% role "user" %}Greet me.{% endrole %}' +
        '{% role "assistant" %}<< chat() >>{% endrole %}',
      '<< instruct("Say hi", stop=["!"]) >>',
    ];
    for (const flow of flows) {
      const dir = project(config(server.url), flow);
      const result = await runOt(['run', 'flow.ot', '--backend', 'local', '--cache', 'off'], {
        cwd: dir,
      });
      expect(result.stderr).toBe('');
    }
    expect(server.requests.map((r) => r.path)).toEqual([
      '/v1/completions',
      '/v1/completions',
      '/v1/completions',
    ]);
    expect(server.requests.map((r) => promptAndStop(r.body))).toEqual([
      { prompt: 'Q: What is 2+2?\nA: ', stop: undefined },
      {
        prompt: 'system: Be brief.\n\nuser: Greet me.\n\nassistant:',
        stop: roleStops,
      },
      { prompt: 'user: Say hi\n\nassistant:', stop: ['!', ...roleStops] },
    ]);
  });

  it('does not replay a chat-mode cache entry on a completion-mode backend', async () => {
    server = await startServer((request) => ({
      status: 200,
      body: request.path.endsWith('/chat/completions')
        ? {
            id: 'c',
            object: 'chat.completion',
            created: 1,
            model: 'm',
            choices: [
              { index: 0, message: { role: 'assistant', content: 'chat' }, finish_reason: 'stop' },
            ],
          }
        : completionAnswer('completion'),
    }));
    const flow = 'Say:<< generate_text() >>';
    const cacheDir = mkdtempSync(join(tmpdir(), 'ot-completion-cache-'));
    const chatDir = project(config(server.url, 'chat'), flow);
    const completionDir = project(config(server.url), flow);
    const args = ['run', 'flow.ot', '--backend', 'local', '--cache', cacheDir];
    const first = await runOt(args, { cwd: chatDir });
    const second = await runOt(args, { cwd: completionDir });
    expect(first.stdout).toBe('Say:chat\n');
    expect(second.stdout).toBe('Say:completion\n');
    expect(server.requests.map((r) => r.path)).toEqual(['/v1/chat/completions', '/v1/completions']);
  });

  it('points at an unknown mode, and at mode on a provider without one, with file:line:col', async () => {
    const dir = project(
      'backends:\n  local:\n    provider: openai-compatible\n    model: m\n' +
        '    base_url: http://127.0.0.1:9/v1\n    mode: raw\n' +
        '  claude:\n    provider: anthropic\n    model: m\n    mode: completion\n',
      'x',
    );
    const result = await runOt(['run', 'flow.ot', '--backend', 'local'], { cwd: dir });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      'ot.config.yaml:6:11: error OT4005: `backends.local.mode` must be chat or completion, not "raw"',
    );
    expect(result.stderr).toContain(
      'ot.config.yaml:10:5: error OT4005: `mode` is not allowed for provider anthropic',
    );
  });
});
