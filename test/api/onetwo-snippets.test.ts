// Each OneTwo snippet of the README, in its TypeScript form, run against fake backends.
import { describe, expect, it } from 'vitest';
import {
  backend,
  compose,
  copyRegistry,
  createFakeBackend,
  createRegistry,
  llm,
  makeExecutable,
  parallel,
  parIterStream,
  repeat,
  run,
  stream,
  template,
  withRegistry,
  withRegistryContext,
} from '../../src/index.js';

// Each fake names its own model: the model is part of the cache key, so the two stay apart.
const echo = (name: string, prefix: string) =>
  createFakeBackend({ model: name, replies: [{ match: '/.*/s', reply: `${prefix}` }] }, name);

describe('the OneTwo snippets in TypeScript', () => {
  it('generate_text: an executable does nothing until it is run', async () => {
    const registry = createRegistry([
      createFakeBackend({ replies: [{ match: 'Once upon a', reply: ' time' }] }, 'fake'),
    ]);
    const e = llm.generateText('Once upon a');
    expect(await run(e, { registry })).toBe(' time');
  });

  it('make_executable with two awaits: the second call sees the first answer', async () => {
    const registry = createRegistry([
      createFakeBackend(
        {
          replies: [
            { match: 'Is Paris correct?', reply: 'yes' },
            { match: 'capital of France', reply: 'Paris' },
          ],
        },
        'fake',
      ),
    ]);
    const check = makeExecutable(async (question: string) => {
      const answer = await llm.generateText(question);
      return llm.generateText(`Is ${answer} correct?`);
    });
    expect(await run(check('What is the capital of France?'), { registry })).toBe('yes');
  });

  it('parallel: executables run at the same time and results keep their order', async () => {
    const registry = createRegistry([
      createFakeBackend(
        {
          latency_ms: 30,
          replies: [
            { match: 'a', reply: 'A' },
            { match: 'b', reply: 'B' },
          ],
        },
        'fake',
      ),
    ]);
    const events: { start_ms: number; end_ms: number }[] = [];
    const result = await run(parallel(llm.generateText('a'), llm.generateText('b')), {
      registry,
      trace: (e) => events.push(e),
    });
    expect(result).toEqual(['A', 'B']);
    expect(events[0]!.start_ms).toBeLessThan(events[1]!.end_ms);
    expect(events[1]!.start_ms).toBeLessThan(events[0]!.end_ms);
  });

  it('RegistryContext with a fake configure: the change stays inside the context', async () => {
    const e = llm.generateText('Hello');
    const inside = await withRegistryContext(async () => {
      llm.generateText.configure(
        async (prompt, options) => `fake(${prompt}, t=${options?.temperature})`,
        { temperature: 0.5 },
      );
      return run(e);
    });
    expect(inside).toBe('fake(Hello, t=0.5)');
    await expect(run(e)).rejects.toThrow(/no backend/);
  });

  it('two registries and with_registry: one flow, two backends', async () => {
    const flow = llm.generateText('Say your name');
    const [first, second] = await withRegistryContext(async () => {
      const one = copyRegistry();
      one.backends.one = echo('one', 'I am one');
      one.defaultBackend = 'one';
      const two = copyRegistry();
      two.backends.two = echo('two', 'I am two');
      two.defaultBackend = 'two';
      return run(parallel(withRegistry(flow, one), withRegistry(flow, two)));
    });
    expect([first, second]).toEqual(['I am one', 'I am two']);
  });

  it('templates are executables too, and compose gives the `+` composition', async () => {
    await withRegistryContext(async () => {
      backend.register(
        createFakeBackend(
          { replies: [{ match: 'Q: 2+2? A:', reply: ' 4' }], default: 'ok' },
          'fake',
        ),
      );
      const t = template('Q: {{ q }} A:<< answer = generate_text() >>', { path: 'snippet.ot' });
      const result = await run(t.run({ q: '2+2?' }));
      expect(result.outputs.answer).toBe(' 4');
      const composed = await run(
        compose`Q: 2+2? A:${(prefix: string) => llm.generateText(prefix)}`,
      );
      expect(composed).toBe('Q: 2+2? A: 4');
    });
  });

  it('repeat gives each repetition its own sample key; parIterStream yields in order; stream reports calls', async () => {
    const registry = createRegistry([
      createFakeBackend(
        { replies: [{ match: 'joke', reply: ['a', 'b', 'c'] }], default: 'x' },
        'fake',
      ),
    ]);
    const keys: string[] = [];
    const jokes = await run(repeat(llm.generateText('joke'), 3), {
      registry,
      trace: (e) => keys.push(e.sample),
    });
    expect(jokes.sort()).toEqual(['a', 'b', 'c']);
    expect(keys.sort()).toEqual(['', '1', '2']);

    const seen: string[] = [];
    await run(
      makeExecutable(async () => {
        for await (const value of parIterStream([1, 2, 3], (n) => llm.generateText(`n${n}`), {
          concurrency: 2,
        }))
          seen.push(value);
      })(),
      { registry },
    );
    expect(seen).toEqual(['x', 'x', 'x']);

    const events: string[] = [];
    for await (const event of stream(llm.generateText('stream me'), { registry }))
      events.push(event.type);
    expect(events).toEqual(['start', 'delta', 'end', 'call', 'result']);
  });
});
