// A keyword argument set to null/undefined takes the default (LANGUAGE.md §6), on every path.
import { describe, expect, it } from 'vitest';
import { createFakeBackend, llm, run, template, withRegistryContext } from '../../src/index.js';
import { createRegistry } from '../../src/runtime/registry/registry.js';
import type { GenerateOptions } from '../../src/runtime/api/llm.js';

const none = null as unknown as number;

/** A configured generate_text that reports the options it received. */
function configureEcho(): void {
  llm.generateText.configure(async (_prompt, options) => JSON.stringify(options), {
    temperature: 0.5,
    maxTokens: 7,
  });
}

describe('none takes the default', () => {
  it('with configure(), from the API: null and undefined keep the configured defaults', async () => {
    const seen = await withRegistryContext(async () => {
      configureEcho();
      const options: GenerateOptions = { temperature: none, maxTokens: undefined, seed: 3 };
      return run(llm.generateText('Hi', options));
    });
    expect(JSON.parse(seen)).toEqual({ temperature: 0.5, maxTokens: 7, seed: 3 });
  });

  it('with configure(), from a template: none keeps front matter defaults, then configured ones', async () => {
    const t = template(
      [
        '---',
        'defaults:',
        '  generate_text: { max_tokens: 9 }',
        '---',
        '<< a = generate_text("Hi", temperature=none, max_tokens=none) >>',
      ].join('\n'),
      { path: 'none.ot' },
    );
    const result = await withRegistryContext(async () => {
      configureEcho();
      return run(t.run({}));
    });
    // A configured function sees TypeScript spelling, whichever side the call came from.
    expect(JSON.parse(result.outputs.a as string)).toEqual({ temperature: 0.5, maxTokens: 9 });
  });

  it('on a backend: null and undefined keep its configured defaults (and the cache key)', async () => {
    const fake = createFakeBackend({ default: 'ok' }, 'fake', { defaults: { temperature: 0 } });
    const registry = createRegistry([fake]);
    const args: Record<string, unknown>[] = [];
    await run(llm.generateText('Hi', { temperature: none, topP: undefined }), {
      registry,
      trace: (e) => args.push(e.args),
    });
    expect(args).toEqual([{ temperature: 0 }]);
  });
});
