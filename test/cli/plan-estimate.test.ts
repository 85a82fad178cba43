// `ot plan --estimate`: calls, what the cache has, tokens and cost, with the assumptions.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDist, runOt } from './run-ot.js';

beforeAll(() => buildDist());

// cl100k_base: "Southernmost city in France?" and "… Spain?" are 6 tokens each; "Menton" 2.
// The second call's prompt shows the first reply: in a dry run, the placeholder
// "<generate_text flow.ot:1:4>", so "Tell me about <generate_text flow.ot:1:4>" is 13 tokens.
const flow = [
  "<< city = generate_text(prompt='Southernmost city in ' ~ country ~ '?', max_tokens=10) >>",
  "<< more = generate_text(prompt='Tell me about ' ~ city) >>",
].join('\n');

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ot-estimate-'));
  writeFileSync(join(dir, 'flow.ot'), flow);
  writeFileSync(join(dir, 'fake.yaml'), 'default: Menton\n');
  writeFileSync(
    join(dir, 'ot.config.yaml'),
    'backends:\n  priced:\n    provider: fake\n    file: fake.yaml\n    price: {input: 3, output: 15}\n',
  );
  writeFileSync(
    join(dir, 'rows.jsonl'),
    '{"country": "France"}\n{"country": "Spain"}\n{"country": "France"}\n',
  );
  return dir;
}

describe('ot plan --estimate', () => {
  it('counts calls, what the cache has, tokens and cost, and states its assumptions', async () => {
    const dir = project();
    // One run on France makes and caches its two calls.
    const made = await runOt(
      [
        'run',
        'flow.ot',
        '--backend',
        'priced',
        '--input',
        'country=France',
        '--cache',
        'c',
        '--json',
      ],
      { cwd: dir },
    );
    expect(made.code).toBe(0);
    const result = await runOt(
      [
        'plan',
        'flow.ot',
        '--estimate',
        '--inputs',
        'rows.jsonl',
        '--backend',
        'priced',
        '--cache',
        'c',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    // France's two calls are cached (the third row repeats them); Spain's two are to make:
    // 6 + 13 input tokens; 10 (max_tokens) + 256 (the default) output tokens;
    // cost (19×3 + 266×15) / 1e6 = 0.004047. Saved: France's calls, "Southernmost city in
    // France?" (6 in, 2 out) and "Tell me about Menton" (5 in, 2 out): (11×3 + 4×15) / 1e6.
    expect(result.stdout).toBe(
      [
        'Estimate of a run over 3 rows:',
        '  calls: 4 (2 cached, 2 to make)',
        '  tokens of the calls to make: 19 in, 266 out',
        '  cost: $0.0040; the cache saves $0.000093',
        'Assumptions:',
        "  - input tokens are the rendered prompts' (or messages' contents'), counted with gpt-tokenizer's cl100k_base; a provider's own tokenizer and its chat formatting differ somewhat",
        '  - a prompt that shows a reply not made yet counts a short placeholder instead of that reply',
        "  - output tokens are each call's max_tokens, or 256 for a call without it",
        '  - calls that depend on replies not made yet (conditions, loops over a reply) follow what the placeholders give',
        '  - identical calls are made once; cached calls are not made again',
        '',
      ].join('\n'),
    );

    const json = await runOt(
      [
        'plan',
        'flow.ot',
        '--estimate',
        '--inputs',
        'rows.jsonl',
        '--backend',
        'priced',
        '--cache',
        'c',
        '--format',
        'json',
        '--output-tokens',
        '100',
      ],
      { cwd: dir },
    );
    expect(JSON.parse(json.stdout)).toMatchObject({
      rows: 3,
      calls: 4,
      cached: 2,
      inputTokens: 19,
      outputTokens: 110,
      costUsd: (19 * 3 + 110 * 15) / 1e6,
      savedUsd: 0.000093,
      unpriced: [],
      failedRows: [],
    });
  });
});
