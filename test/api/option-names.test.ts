// One naming style (issue 12, point 4): camelCase options in TypeScript, snake_case in `.ot`
// files, mapped in src/backends/option-names.ts; each side refuses the other's spelling.
import { describe, expect, it } from 'vitest';
import {
  CallError,
  check,
  createFakeBackend,
  createRegistry,
  llm,
  optionNames,
  run,
  withRegistryContext,
} from '../../src/index.js';

const registry = () => createRegistry([createFakeBackend({ default: 'ok' }, 'fake')]);

describe('TypeScript options are camelCase', () => {
  it('reach the backend (and the trace and cache key) in the language spelling', async () => {
    const args: Record<string, unknown>[] = [];
    await run(
      llm.generateText('Hi', { maxTokens: 5, topP: 0.9, topK: 3, temperature: 0, seed: 1 }),
      { registry: registry(), trace: (e) => args.push(e.args) },
    );
    expect(args).toEqual([{ max_tokens: 5, top_p: 0.9, top_k: 3, temperature: 0, seed: 1 }]);
  });

  it('refuse the .ot spelling in the types and at run time', async () => {
    // @ts-expect-error max_tokens is the .ot spelling
    const e = llm.generateText('Hi', { max_tokens: 5 });
    // @ts-expect-error assistant_prefix is the .ot spelling
    llm.instruct('Hi', { assistant_prefix: 'Sure' });
    // @ts-expect-error top_p is the .ot spelling
    llm.select('Hi', ['a', 'b'], { top_p: 1 });
    const error = await run(e, { registry: registry() }).catch((x: unknown) => x);
    expect(error).toBeInstanceOf(CallError);
    expect((error as CallError).message).toContain('option `max_tokens` is spelled `maxTokens`');
  });

  it('configure defaults and a configured function see camelCase', async () => {
    const seen: unknown[] = [];
    await withRegistryContext(async () => {
      llm.instruct.configure(
        (_prompt, options) => {
          seen.push(options);
          return 'ok';
        },
        { topK: 2 },
      );
      await run(llm.instruct('Hi', { assistantPrefix: 'Sure', maxTokens: 4 }));
    });
    expect(seen).toEqual([{ topK: 2, maxTokens: 4, assistantPrefix: 'Sure' }]);
  });

  it('the table maps every two-word option', () => {
    expect(optionNames).toMatchObject({ maxTokens: 'max_tokens', topP: 'top_p', topK: 'top_k' });
  });
});

describe('.ot files are snake_case', () => {
  it('refuse the TypeScript spelling with a hint', () => {
    const diagnostics = check('flow.ot', 'Hi << generate_text(maxTokens=5, topP=1) >>');
    expect(diagnostics.map((d) => d.code)).toEqual(['OT2008', 'OT2008']);
    expect(diagnostics[0]!.message).toContain(
      '(`maxTokens` is the TypeScript spelling; a .ot file writes `max_tokens`)',
    );
  });
});
