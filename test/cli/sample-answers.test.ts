// Every sample's outputs are the right answers to its own questions, through the real CLI.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDist, runOt } from './run-ot.js';

/** Each sample, the extra flags of one run, and the outputs it must give. */
const expected: [string, string[], Record<string, unknown>][] = [
  [
    'chat-roles.ot',
    [],
    {
      recipe:
        'Slowly stew aubergine, courgette, pepper and tomato in olive oil with garlic and herbs.',
      wine: 'A chilled Provençal rosé.',
    },
  ],
  ['classify.ot', [], { label: ['billing', 'bug', 'feature request'] }],
  // The fake's rule matches the picture's digest: the image reached the call.
  ['describe-image.ot', [], { description: 'A small red square.' }],
  ['extract.ot', [], { person: { name: 'Ada Lovelace', born: 1815, city: 'London' } }],
  ['map-reduce.ot', [], { digest: ' A greener, busier town: bikes, bread and a cleaner river.' }],
  [
    'pros-cons.ot',
    [],
    {
      pro: ' Rested people do better work.',
      con: ' Customers expect us five days a week.',
      verdict: 'trial',
    },
  ],
  ['qa-chain.ot', [], { city: ' Menton', mayor: ' Yves Juhel', born: ' 1956.' }],
  // An unknown country: the later questions are not answered by the first question's rule.
  [
    'qa-chain.ot',
    ['--input', 'country=Chile'],
    {
      city: ' I do not know that country well.',
      mayor: ' I am not sure.',
      born: ' I am not sure.',
    },
  ],
  [
    'report.ot',
    [],
    {
      background: ' City beekeeping dates back centuries, with hives kept on monastery roofs.',
      today: ' Today rooftop hives are common in Paris, London and New York.',
    },
  ],
];

beforeAll(() => buildDist());

describe('the samples answer their own questions', () => {
  it('has an expectation for every sample', () => {
    const samples = readdirSync(fileURLToPath(new URL('../../samples/', import.meta.url))).filter(
      (name) => name.endsWith('.ot'),
    );
    expect(new Set(expected.map(([name]) => name))).toEqual(new Set(samples));
  });

  it.each(expected)('%s %j', async (name, flags, outputs) => {
    const result = await runOt(['run', `samples/${name}`, ...flags, '--json', '--cache', 'off']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { outputs: unknown }).outputs).toEqual(outputs);
  });
});
