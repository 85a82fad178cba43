// `rpm` and `tpm` in ot.config.yaml, through the real CLI.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/provider-servers/http-server.js';
import { wireFormats } from '../helpers/provider-servers/wire-formats.js';
import { buildDist, runOt } from './run-ot.js';

const wire = wireFormats.find((w) => w.provider === 'openai-compatible')!;

function project(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ot-rate-'));
  writeFileSync(join(dir, 'ot.config.yaml'), config);
  writeFileSync(
    join(dir, 'flow.ot'),
    '{% for i in range(3) %}<< generate_text("item " ~ i) >>{% endfor %}',
  );
  return dir;
}

beforeAll(() => buildDist());

describe('rate limits in the config, through the CLI', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('points at an invalid rpm or tpm with file:line:col', async () => {
    const dir = project(
      'backends:\n  local:\n    provider: openai-compatible\n    model: m\n' +
        '    base_url: http://127.0.0.1:9/v1\n    rpm: 0.5\n    tpm: -3\n',
    );
    const result = await runOt(['run', 'flow.ot', '--backend', 'local'], { cwd: dir });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      'ot.config.yaml:6:10: error OT4005: `backends.local.rpm` must be a whole number ≥ 1, not 0.5',
    );
    expect(result.stderr).toContain(
      'ot.config.yaml:7:10: error OT4005: `backends.local.tpm` must be a whole number ≥ 1, not -3',
    );
  });

  it('runs calls on a backend with rpm and tpm', async () => {
    server = await startServer(() => ({ status: 200, body: wire.answer('ok') }));
    const dir = project(
      `backends:\n  local:\n    provider: openai-compatible\n    model: m\n` +
        `    base_url: ${server.url}/v1\n    rpm: 6000\n    tpm: 1000000\n`,
    );
    const result = await runOt(['run', 'flow.ot', '--backend', 'local', '--cache', 'off'], {
      cwd: dir,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('okokok');
    expect(server.requests).toHaveLength(3);
  });
});
