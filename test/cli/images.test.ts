// `image()` in .ot files (issue 12, point 7) through the real CLI: an image placed in a role
// block or a prompt reaches the fake backend and an OpenAI-compatible server, the cache key
// holds the bytes' digest, paths obey the project's roots, and every failure is a diagnostic
// with file:line:col and a code frame — the same from a compiled module.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/provider-servers/http-server.js';
import { wireFormats } from '../helpers/provider-servers/wire-formats.js';
import { completionAnswer } from '../helpers/provider-servers/completions-wire.js';
import { runNode } from '../codegen/helpers/spawn-node.js';
import { buildDist, runOt } from './run-ot.js';

// A PNG signature and a little more: enough for the media type to be sniffed.
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const otherPng = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);
const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const wire = wireFormats.find((w) => w.provider === 'openai-compatible')!;

/** A project directory (its own root) holding `files`. */
function project(files: Record<string, string | Buffer>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ot-image-')));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const userBlockFlow =
  '{% role "system" %}You name logos.{% endrole %}\n' +
  '{% role "user" %}Which logo is this? {{ image("logo.png") }}{% endrole %}\n' +
  '{% role "assistant" %}<< name = chat() >>{% endrole %}\n';

beforeAll(() => buildDist());

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('ot run with image() against the fake backend', () => {
  it('sends the image of a user role block; the trace holds its digest, not its bytes', async () => {
    const fake =
      `replies:\n  - match: "user: Which logo is this?  [image image/png sha256:${digest(png).slice(0, 12)}]"\n` +
      `    reply: "the ot logo"\n`;
    const dir = project({ 'flow.ot': userBlockFlow, 'logo.png': png, 'fake.yaml': fake });
    const result = await runOt(
      ['run', 'flow.ot', '--backend', 'fake:fake.yaml', '--cache', 'off', '--trace', 't.jsonl'],
      { cwd: dir },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Which logo is this? [image logo.png]');
    expect(result.stdout).toContain('the ot logo');
    const trace = readFileSync(join(dir, 't.jsonl'), 'utf8');
    expect(trace).not.toContain(png.toString('base64'));
    const line = JSON.parse(trace.trim()) as { messages: unknown[] };
    expect(line.messages[1]).toEqual({
      role: 'user',
      content: 'Which logo is this? ',
      images: [{ media_type: 'image/png', sha256: digest(png), bytes: png.length }],
    });
  });

  it('--dry-run shows each image by media type, size and digest', async () => {
    const dir = project({ 'flow.ot': userBlockFlow, 'logo.png': png, 'fake.yaml': 'default: x\n' });
    const result = await runOt(
      ['run', 'flow.ot', '--backend', 'fake:fake.yaml', '--cache', 'off', '--dry-run'],
      { cwd: dir },
    );
    expect(result.stdout).toContain(
      `[user] Which logo is this?  [image image/png, ${png.length} bytes, sha256:${digest(png).slice(0, 12)}]`,
    );
  });

  it('a compiled module sends the same image, from any working directory', async () => {
    const fake = `replies:\n  - match: "sha256:${digest(png).slice(0, 12)}]"\n    reply: "the ot logo"\n`;
    const flow = `---\nbackend: fake:fake.yaml\n---\n${userBlockFlow}`;
    const dir = project({ 'flow.ot': flow, 'logo.png': png, 'fake.yaml': fake });
    // Bundled: the module needs no node_modules where it runs.
    const compiled = await runOt(['compile', 'flow.ot', '-o', 'flow.mjs', '--bundle'], {
      cwd: dir,
    });
    expect(compiled.code).toBe(0);
    const result = await runOt(['run', 'flow.ot', '--json', '--cache', 'off'], { cwd: dir });
    expect(JSON.parse(result.stdout).outputs).toEqual({ name: 'the ot logo' });
    for (const cwd of [dir, tmpdir()]) {
      const viaModule = await runNode(join(dir, 'flow.mjs'), ['--json', '--cache', 'off'], {
        cwd,
      });
      expect({ cwd, stderr: viaModule.stderr }).toEqual({ cwd, stderr: '' });
      expect(JSON.parse(viaModule.stdout)).toEqual(JSON.parse(result.stdout));
    }
  });
});

describe('ot run with image() against an OpenAI-compatible server', () => {
  function config(url: string, mode = 'chat'): string {
    return (
      `backends:\n  local:\n    provider: openai-compatible\n    model: m\n` +
      `    base_url: ${url}/v1\n    mode: ${mode}\n`
    );
  }

  it('the image arrives as an image_url data URL after the message text', async () => {
    server = await startServer(() => ({ status: 200, body: wire.answer('the ot logo') }));
    const dir = project({
      'ot.config.yaml': config(server.url),
      'flow.ot': userBlockFlow,
      'logo.png': png,
    });
    const result = await runOt(['run', 'flow.ot', '--backend', 'local', '--cache', 'off'], {
      cwd: dir,
    });
    expect(result.stderr).toBe('');
    const body = server.requests[0]!.body as { messages: { role: string; content: unknown }[] };
    expect(body.messages[1]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'Which logo is this? ' },
        {
          type: 'image_url',
          image_url: { url: `data:image/png;base64,${png.toString('base64')}` },
        },
      ],
    });
  });

  it('a generate_text prompt sends its images with the prompt; a URL stays a URL', async () => {
    server = await startServer(() => ({ status: 200, body: wire.answer('two pictures') }));
    const flow =
      'Compare {{ image("logo.png") }} with {{ image("https://example.com/cat.jpg") }}: << generate_text() >>';
    const dir = project({ 'ot.config.yaml': config(server.url), 'flow.ot': flow, 'logo.png': png });
    const result = await runOt(['run', 'flow.ot', '--backend', 'local', '--cache', 'off'], {
      cwd: dir,
    });
    expect(result.stderr).toBe('');
    const body = server.requests[0]!.body as { messages: { role: string; content: unknown }[] };
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Compare  with : ' },
          {
            type: 'image_url',
            image_url: { url: `data:image/png;base64,${png.toString('base64')}` },
          },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
        ],
      },
    ]);
  });

  it('the cache key holds the bytes: a replay, then a new call once the file changes', async () => {
    server = await startServer(() => ({ status: 200, body: wire.answer('the ot logo') }));
    const dir = project({
      'ot.config.yaml': config(server.url),
      'flow.ot': userBlockFlow,
      'logo.png': png,
    });
    const args = ['run', 'flow.ot', '--backend', 'local', '--cache', join(dir, '.cache')];
    expect((await runOt(args, { cwd: dir })).code).toBe(0);
    expect((await runOt(args, { cwd: dir })).code).toBe(0);
    expect(server.requests).toHaveLength(1);
    writeFileSync(join(dir, 'logo.png'), otherPng);
    expect((await runOt(args, { cwd: dir })).code).toBe(0);
    expect(server.requests).toHaveLength(2);
  });

  it('a backend that cannot take images (completion mode) is OT4040 at the call', async () => {
    server = await startServer(() => ({ status: 200, body: completionAnswer('no') }));
    const dir = project({
      'ot.config.yaml': config(server.url, 'completion'),
      'flow.ot': userBlockFlow,
      'logo.png': png,
    });
    const result = await runOt(['run', 'flow.ot', '--backend', 'local', '--cache', 'off'], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'flow.ot:3:23: error OT4040: chat: backend `local` does not take images',
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('image() failures are diagnostics with file:line:col and a code frame', () => {
  const fake = 'default: "ok"\n';

  async function failure(
    flow: string,
    files: Record<string, string | Buffer> = {},
    extra: string[] = [],
  ) {
    const dir = project({ 'flow.ot': flow, 'fake.yaml': fake, 'logo.png': png, ...files });
    const result = await runOt(
      ['run', 'flow.ot', '--backend', 'fake:fake.yaml', '--cache', 'off', ...extra],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    return { dir, stderr: result.stderr };
  }

  it('a literal path is checked before any call: OT2027 for a missing file, OT2018 outside', async () => {
    const missing = await failure('Look:\n{{ image("missing.png") }} << generate_text() >>\n');
    expect(missing.stderr).toContain(
      'flow.ot:2:10: error OT2027: cannot read image `missing.png`: no such file',
    );
    expect(missing.stderr).toContain('  2 | {{ image("missing.png") }} << generate_text() >>');
    expect(missing.stderr).toContain('^^^^^^^^^^^^^');
    const outside = await failure('{{ image("../outside.png") }} << generate_text() >>\n');
    expect(outside.stderr).toContain(
      'flow.ot:1:10: error OT2018: image() path `../outside.png` leaves the project:',
    );
    const check = await runOt(['check', 'flow.ot'], { cwd: outside.dir });
    expect(check.code).toBe(1);
    expect(check.stderr + check.stdout).toContain('error OT2018');
  });

  it('a computed path to a missing file is OT4046 at the image() call when it runs', async () => {
    const flow =
      '---\ninput:\n  picture: string\n---\nLook:\n{{ image(picture) }} << generate_text() >>\n';
    const { stderr } = await failure(flow, { 'ot.config.yaml': 'allow_dynamic_paths: true\n' }, [
      '--input',
      'picture=missing.png',
    ]);
    expect(stderr).toContain(
      'flow.ot:6:4: error OT4046: image `missing.png` cannot be read: there is no file',
    );
    expect(stderr).toContain('  6 | {{ image(picture) }} << generate_text() >>');
    expect(stderr).toContain('^^^^^^^^^^^^^^');
  });

  it('a compiled module refuses a computed path as the interpreter does', async () => {
    const flow =
      '---\ninput:\n  picture: string\n---\n{{ image(picture) }} << generate_text() >>\n';
    const { dir, stderr } = await failure(flow, {}, ['--input', 'picture=logo.png']);
    expect(stderr).toContain('flow.ot:5:4: error OT4041: image `logo.png` refused:');
    await runOt(['compile', 'flow.ot', '-o', 'flow.mjs', '--bundle'], { cwd: dir });
    const compiled = await runNode(
      'flow.mjs',
      ['--backend', 'fake:fake.yaml', '--cache', 'off', '--input', 'picture=logo.png'],
      { cwd: dir },
    );
    expect(compiled.stderr).toBe(stderr);
  });

  it('a computed path needs allow_dynamic_paths: true, and then stays inside the roots', async () => {
    const flow =
      '---\ninput:\n  picture: string\n---\n{{ image(picture) }} << generate_text() >>\n';
    const { stderr } = await failure(flow, {}, ['--input', 'picture=logo.png']);
    expect(stderr).toContain(
      'flow.ot:5:4: error OT4041: image `logo.png` refused: a computed path may choose a file only when ot.config.yaml sets `allow_dynamic_paths: true`',
    );
    const dir = project({
      'flow.ot': flow,
      'fake.yaml': `replies:\n  - match: "sha256:${digest(png).slice(0, 12)}"\n    reply: seen\n`,
      'logo.png': png,
      'ot.config.yaml': 'allow_dynamic_paths: true\n',
    });
    const run = (picture: string) =>
      runOt(
        ['run', 'flow.ot', '--backend', 'fake:fake.yaml', '--cache', 'off', '--input', picture],
        { cwd: dir },
      );
    const allowed = await run('picture=logo.png');
    expect(allowed.stderr).toBe('');
    expect(allowed.stdout).toContain('seen');
    const outside = await run('picture=/etc/hostname');
    expect(outside.stderr).toContain('error OT4041: image `/etc/hostname` refused:');
  });

  it('an image where text is needed is OT4045: a capture, `~`, a filter, a call-block term', async () => {
    const capture = await failure('{% set x %}{{ image("logo.png") }}{% endset %}{{ x }}');
    expect(capture.stderr).toContain(
      'flow.ot:1:15: error OT4045: an image is not text: `image("logo.png")` cannot be used in text that becomes a string',
    );
    const concat = await failure('{{ "a" ~ image("logo.png") }}');
    expect(concat.stderr).toContain('error OT4045');
    const filter = await failure('{{ image("logo.png") | upper }}');
    expect(filter.stderr).toContain('cannot be used with the filter `upper`');
    const term = await failure('<< image("logo.png") + generate_text() >>');
    expect(term.stderr).toContain('cannot be used as a call-block term');
  });

  it('an image a call cannot send is OT4047: select, or a system block', async () => {
    const select = await failure('{{ image("logo.png") }}<< select(["a", "b"]) >>');
    expect(select.stderr).toContain(
      'flow.ot:1:24: error OT4047: select: cannot send the image `logo.png`: only generate_text and chat send images',
    );
    const system = await failure(
      '{% role "system" %}{{ image("logo.png") }}{% endrole %}<< chat() >>',
    );
    expect(system.stderr).toContain(
      'flow.ot:1:23: error OT4047: chat: cannot send the image `logo.png`: images go in user messages, not in a `system` block',
    );
  });
});
