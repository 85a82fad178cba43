// backend.register() inside a registry context makes that backend the context's default.
import { afterEach, describe, expect, it } from 'vitest';
import {
  backend,
  copyRegistry,
  createFakeBackend,
  llm,
  parallel,
  run,
  withRegistry,
  withRegistryContext,
} from '../../src/index.js';
import { setGlobalRegistry } from '../../src/runtime/registry/current.js';
import { createRegistry } from '../../src/runtime/registry/registry.js';

const say = (name: string) => createFakeBackend({ default: `I am ${name}` }, name);

afterEach(() => setGlobalRegistry(createRegistry()));

describe('backend.register', () => {
  it('inside a context, becomes its default even when a global backend came first', async () => {
    backend.register(say('global'));
    const e = llm.generateText('Who are you?');
    const r1 = withRegistryContext(() => {
      backend.register(say('one'));
      return copyRegistry();
    });
    const r2 = withRegistryContext(() => {
      backend.register(say('two'));
      return copyRegistry();
    });
    expect(await run(parallel(withRegistry(e, r1), withRegistry(e, r2)))).toEqual([
      'I am one',
      'I am two',
    ]);
    // Outside the contexts nothing changed.
    expect(await run(e)).toBe('I am global');
  });

  it('inside a context, the last one registered is the default; `default: false` keeps it', async () => {
    const e = llm.generateText('Who are you?');
    const answer = await withRegistryContext(async () => {
      backend.register(say('first'));
      backend.register(say('second'));
      backend.register(say('spare'), { default: false });
      return run(e);
    });
    expect(answer).toBe('I am second');
  });

  it('globally, the first one registered stays the default unless `default: true`', async () => {
    const e = llm.generateText('Who are you?');
    backend.register(say('first'));
    backend.register(say('second'));
    expect(await run(e)).toBe('I am first');
    backend.register(say('third'), { default: true });
    expect(await run(e)).toBe('I am third');
  });
});
