// The fake backend honours `stop`: the reply ends before the earliest stop string.
import { describe, expect, it } from 'vitest';
import type { CompletionRequest } from '../../src/backends/backend.js';
import { createFakeBackend } from '../../src/backends/fake/fake-backend.js';
import { createRegistry, llm, run, template } from '../../src/index.js';
import { textOf } from '../helpers/reply-text.js';

function request(stop: string[] | undefined): CompletionRequest {
  return {
    prompt: 'Q?',
    messages: null,
    args: stop === undefined ? {} : { stop },
    responseSchema: null,
    choices: null,
    builtin: 'generate_text',
    signal: new AbortController().signal,
  };
}

describe('fake backend stop', () => {
  const fake = createFakeBackend({ default: ' Menton\nand more. END' }, 'fake');

  it('truncates at the earliest stop string, which is excluded', async () => {
    expect(textOf(await fake.complete(request(['\n'])))).toBe(' Menton');
    expect(textOf(await fake.complete(request(['END', 'and'])))).toBe(' Menton\n');
    expect(textOf(await fake.complete(request(['ton', '\n'])))).toBe(' Men');
  });

  it('leaves the reply whole without stop, with an empty stop or one that never occurs', async () => {
    expect(textOf(await fake.complete(request(undefined)))).toBe(' Menton\nand more. END');
    expect(textOf(await fake.complete(request(['', 'zzz'])))).toBe(' Menton\nand more. END');
  });

  it('applies to template calls and API calls', async () => {
    const registry = createRegistry([fake]);
    const t = template("Q?<< a = generate_text(stop=['\\n']) >>|", { path: 'stop.ot' });
    expect((await run(t.run({}), { registry })).text).toBe('Q? Menton|');
    expect(await run(llm.generateText('Q?', { stop: ['.'] }), { registry })).toBe(
      ' Menton\nand more',
    );
  });
});
