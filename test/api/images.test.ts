// Multimodal input from TypeScript (issue 12, point 7): images in chat messages and
// generateText prompts reach an OpenAI-compatible server as image parts (base64 or URL), the
// cache key holds their digest, files are read only inside the project, and a backend without
// image support is OT4040.
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CallError,
  OtError,
  createFakeBackend,
  createRegistry,
  image,
  llm,
  openCache,
  run,
  template,
  type Backend,
} from '../../src/index.js';
import { backendFor } from '../helpers/provider-servers/backend-for.js';
import { startServer, type TestServer } from '../helpers/provider-servers/http-server.js';
import { wireFormats } from '../helpers/provider-servers/wire-formats.js';

// The 8-byte PNG signature and a little more: enough for the media type to be sniffed.
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const otherPng = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9, 9]);
const wire = wireFormats.find((w) => w.provider === 'openai-compatible')!;

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** The content parts of the server's `index`th request's last message. */
function partsOf(index: number): unknown {
  const body = server!.requests[index]!.body as { messages: { content: unknown }[] };
  return body.messages[body.messages.length - 1]!.content;
}

async function local(): Promise<Backend> {
  server = await startServer(() => ({ status: 200, body: wire.answer('a cat') }));
  return backendFor(wire, server);
}

describe('images to an OpenAI-compatible server', () => {
  it('a chat message carries bytes as a base64 data URL image part', async () => {
    const registry = createRegistry([await local()]);
    const e = llm.chat([{ role: 'user', content: 'What is this?', images: [image(png)] }]);
    expect(await run(e, { registry })).toBe('a cat');
    expect(partsOf(0)).toEqual([
      { type: 'text', text: 'What is this?' },
      {
        type: 'image_url',
        image_url: { url: `data:image/png;base64,${Buffer.from(png).toString('base64')}` },
      },
    ]);
  });

  it('a generateText prompt carries a URL image as an image_url part', async () => {
    const registry = createRegistry([await local()]);
    const e = llm.generateText('Describe', { images: [image('https://example.com/cat.jpg')] });
    expect(await run(e, { registry })).toBe('a cat');
    expect(partsOf(0)).toEqual([
      { type: 'text', text: 'Describe' },
      { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
    ]);
  });

  it('a file path inside the project is read; the cache key holds the bytes digest', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ot-images-')));
    writeFileSync(join(dir, 'cat.png'), png);
    const registry = createRegistry([await local()]);
    const cache = await openCache('memory', { cwd: dir });
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const ask = () => llm.generateText('Describe', { images: [image('cat.png')] });
      await run(ask(), { registry, cache });
      await run(ask(), { registry, cache }); // replayed: same bytes
      expect(server!.requests).toHaveLength(1);
      writeFileSync(join(dir, 'cat.png'), otherPng);
      await run(ask(), { registry, cache }); // new bytes, new key
      expect(server!.requests).toHaveLength(2);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('image sources that are refused', () => {
  it('a path outside the project is OT4041', async () => {
    const registry = createRegistry([createFakeBackend({ default: 'x' }, 'fake')]);
    const error = await run(
      llm.generateText('Describe', { images: [image('../../../../etc/passwd')] }),
      { registry },
    ).catch((x: unknown) => x);
    expect(error).toBeInstanceOf(CallError);
    const cause = (error as CallError).cause as OtError;
    expect(cause.code).toBe('OT4041');
    expect(cause.message).toContain('outside the project directory');
  });

  it('a file: URL is OT4041', async () => {
    const registry = createRegistry([createFakeBackend({ default: 'x' }, 'fake')]);
    const error = await run(llm.generateText('D', { images: [image('file:///etc/passwd')] }), {
      registry,
    }).catch((x: unknown) => x);
    expect(((error as CallError).cause as OtError).code).toBe('OT4041');
  });
});

describe('backends and images', () => {
  it('a backend that does not declare image support is OT4040', async () => {
    const fake = createFakeBackend({ default: 'x' }, 'blind');
    const blind: Backend = { ...fake, capabilities: { ...fake.capabilities, images: false } };
    const error = await run(llm.chat([{ role: 'user', content: 'See?', images: [image(png)] }]), {
      registry: createRegistry([blind]),
    }).catch((x: unknown) => x);
    expect(error).toBeInstanceOf(CallError);
    expect((error as CallError).backend).toBe('blind');
    const cause = (error as CallError).cause as OtError;
    expect(cause.code).toBe('OT4040');
    expect(cause.message).toBe('OT4040: chat: backend `blind` does not take images');
  });

  it('the trace records an image by media type, digest and size, never its bytes', async () => {
    const sha = (await import('node:crypto')).createHash('sha256').update(png).digest('hex');
    const events: { messages: unknown }[] = [];
    const registry = createRegistry([createFakeBackend({ default: 'x' }, 'fake')]);
    const e = llm.chat([{ role: 'user', content: 'What?', images: [image(png)] }]);
    await run(e, { registry, trace: (event) => events.push(event) });
    expect(events[0]!.messages).toEqual([
      {
        role: 'user',
        content: 'What?',
        images: [{ media_type: 'image/png', sha256: sha, bytes: png.length }],
      },
    ]);
  });

  it('fake rules match an image by its digest', async () => {
    const sha = (await import('node:crypto')).createHash('sha256').update(png).digest('hex');
    const registry = createRegistry([
      createFakeBackend(
        { replies: [{ match: `[image image/png sha256:${sha.slice(0, 12)}]`, reply: 'the logo' }] },
        'fake',
      ),
    ]);
    const e = llm.chat([{ role: 'user', content: 'What?', images: [image(png)] }]);
    expect(await run(e, { registry })).toBe('the logo');
  });
});

describe('an image made in TypeScript and given to a template', () => {
  const flow = "{% role 'user' %}What is this? {{ picture }}{% endrole %}<< answer = chat() >>";

  it('is placed as an image (the server gets the bytes), not rendered as text', async () => {
    const registry = createRegistry([await local()]);
    const t = template(flow, { path: 'flow.ot' });
    const result = await run(t.run({ picture: image(png) }), { registry });
    expect(result.outputs.answer).toBe('a cat');
    expect(partsOf(0)).toEqual([
      { type: 'text', text: 'What is this? ' },
      {
        type: 'image_url',
        image_url: { url: `data:image/png;base64,${Buffer.from(png).toString('base64')}` },
      },
    ]);
  });

  it('while data shaped like one (a JSON row) stays data and reads no file', async () => {
    const registry = createRegistry([await local()]);
    const t = template(flow, { path: 'flow.ot' });
    const row = JSON.parse('{"picture": {"type": "image", "source": "package.json"}}');
    await run(t.run(row), { registry });
    expect(partsOf(0)).toBe('What is this? [object Object]');
  });
});
