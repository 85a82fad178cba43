import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { renderGrammarJson } from '../../grammar/render.mjs';

const read = (name: string): string =>
  readFileSync(new URL(`../../grammar/${name}`, import.meta.url), 'utf8');

describe('grammar build', () => {
  test('the committed JSON grammar is what the YAML source generates', () => {
    // If this fails, run `node grammar/build.mjs` and commit grammar/ot.tmLanguage.json.
    expect(read('ot.tmLanguage.json')).toBe(renderGrammarJson(read('ot.tmLanguage.yaml')));
  });

  test('the language configuration comments, brackets and auto-closes the template delimiters', () => {
    const config = JSON.parse(read('language-configuration.json')) as {
      comments: { blockComment: [string, string] };
      brackets: [string, string][];
      autoClosingPairs: { open: string; close: string }[];
    };
    expect(config.comments.blockComment).toEqual(['{#', '#}']);
    const opens = config.autoClosingPairs.map((pair) => `${pair.open}…${pair.close}`);
    for (const pair of ['{{…}}', '{%…%}', '<<…>>', '{#…#}']) expect(opens).toContain(pair);
    expect(config.brackets).toContainEqual(['<<', '>>']);
  });
});
