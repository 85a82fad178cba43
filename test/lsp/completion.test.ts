import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspClient, fixtureUri, withCursor } from './lsp-client.js';

interface CompletionItem {
  label: string;
  kind?: number;
  detail?: string;
  insertTextFormat?: number;
  textEdit?: {
    newText: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  };
}

let client: LspClient;
let version = 0;

beforeAll(async () => {
  ({ client } = await LspClient.start());
});
afterAll(async () => {
  await client.stop();
});

/** Opens `source` (with its cursor marker `‸`) as a document in the fixtures folder and completes at the marker. */
async function complete(source: string, name = 'completion.ot'): Promise<CompletionItem[]> {
  const { text, position } = withCursor(source);
  const uri = fixtureUri(name);
  await client.open(uri, text, ++version);
  const items = await client.request<CompletionItem[] | null>('textDocument/completion', {
    textDocument: { uri },
    position,
  });
  await client.close(uri);
  return items ?? [];
}

const labels = (items: CompletionItem[]) => items.map((item) => item.label);

const frontMatter = '---\ninput:\n  topic: string\nschemas:\n  Person: {type: object}\n---\n';

describe('completion', () => {
  test('tag names after `{%`, block tags as snippets that close themselves', async () => {
    const items = await complete('{% ‸ %}');
    expect(labels(items)).toEqual(
      expect.arrayContaining(['if', 'for', 'set', 'macro', 'fork', 'branch', 'role', 'endif']),
    );
    const ifItem = items.find((item) => item.label === 'if')!;
    // The editor already wrote `%}`: the snippet brings the end tag and leaves that one to close it.
    expect(ifItem.textEdit?.newText).toBe('if ${1:condition} %}$0{% endif ');
    expect(ifItem.insertTextFormat).toBe(2);

    const unclosed = await complete('{% fo‸');
    const forItem = unclosed.find((item) => item.label === 'for')!;
    expect(forItem.textEdit?.newText).toBe('for ${1:item} in ${2:items} %}$0{% endfor %}');
    expect(forItem.textEdit?.range.start.character).toBe(3);
  });

  test('variables in scope inside `{{ }}`: inputs, sets, macros, call-bound names so far', async () => {
    const items = await complete(
      `${frontMatter}{% set greeting = "hi" %}{% macro m(x) %}{{ x }}{% endmacro %}<< city = generate_text() >>{{ ‸ }}<< later = generate_text() >>`,
    );
    const names = labels(items);
    expect(names).toEqual(
      expect.arrayContaining([
        'topic',
        'greeting',
        'm',
        'city',
        'range',
        'cycler',
        'joiner',
        'image',
      ]),
    );
    expect(items.find((item) => item.label === 'range')?.detail).toBe('nunjucks global');
    expect(items.find((item) => item.label === 'image')?.detail).toBe(
      'ot global: image(source, media_type=none), placed in the prompt by {{ }}',
    );
    expect(names).not.toContain('later');
    expect(names).not.toContain('x');
    // Builtins only where calls may be: in call blocks.
    expect(names).not.toContain('generate_text');
    expect(items.find((item) => item.label === 'city')?.detail).toBe('bound by generate_text');
    expect(items.find((item) => item.label === 'topic')?.detail).toBe('input');
    expect(items.find((item) => item.label === 'm')?.detail).toBe('macro m(x)');
  });

  test('loop variables and `loop` only inside the loop; macro parameters inside the macro', async () => {
    const inLoop = labels(await complete('{% for item in [1, 2] %}{{ ‸ }}{% endfor %}'));
    expect(inLoop).toEqual(expect.arrayContaining(['item', 'loop']));
    const after = labels(await complete('{% for item in [1, 2] %}{% endfor %}{{ ‸ }}'));
    expect(after).not.toContain('item');
    expect(after).not.toContain('loop');
    const inMacro = labels(
      await complete('{% macro greet(name, punct="!") %}{{ ‸ }}{% endmacro %}'),
    );
    expect(inMacro).toEqual(expect.arrayContaining(['name', 'punct', 'caller', 'greet']));
  });

  test('attributes of `loop` after a dot', async () => {
    const items = await complete('{% for x in xs %}{{ loop.‸ }}{% endfor %}');
    expect(labels(items)).toEqual([
      'index',
      'index0',
      'revindex',
      'revindex0',
      'first',
      'last',
      'length',
    ]);
  });

  test('names bound in a fork branch are visible after the fork, not in the other branch', async () => {
    const source =
      '{% fork %}{% branch %}<< a = generate_text() >>{% endbranch %}{% branch %}{{ ‸ }}{% endbranch %}{% endfork %}';
    expect(labels(await complete(source))).not.toContain('a');
    const after =
      '{% fork %}{% branch %}<< a = generate_text() >>{% endbranch %}{% endfork %}{{ ‸ }}';
    expect(labels(await complete(after))).toContain('a');
  });

  test('builtins in call blocks, with snippets', async () => {
    const items = await complete(`${frontMatter}Answer: << ‸ >>`);
    const names = labels(items);
    expect(names).toEqual(
      expect.arrayContaining([
        'generate_text',
        'generate_texts',
        'generate_object',
        'select',
        'instruct',
        'chat',
        'flow',
        'topic',
      ]),
    );
    expect(items.find((item) => item.label === 'generate_text')?.textEdit?.newText).toBe(
      'generate_text($0)',
    );
  });

  test('an input that shadows a builtin is a variable there', async () => {
    const names = labels(await complete('---\ninput:\n  chat: string\n---\n<< ‸ >>'));
    expect(names.filter((name) => name === 'chat')).toHaveLength(1);
  });

  test("a builtin's keyword arguments inside its parentheses, minus those given", async () => {
    const items = await complete('<< generate_text(max_tokens=10, ‸) >>');
    const names = labels(items);
    expect(names).toEqual(expect.arrayContaining(['temperature=', 'stop=', 'top_p=', 'prompt=']));
    expect(names).not.toContain('max_tokens=');
    expect(names).not.toContain('samples=');
    const texts = labels(await complete('<< generate_texts(‸) >>'));
    expect(texts).toContain('samples=');
    // Not while typing a keyword's value.
    expect(labels(await complete('<< generate_text(temperature=‸) >>'))).not.toContain('stop=');
  });

  test('filters after `|`, tests after `is`', async () => {
    const filters = await complete('{{ name | tr‸ }}');
    expect(labels(filters)).toEqual(
      expect.arrayContaining(['trim', 'truncate', 'upper', 'default']),
    );
    expect(filters.find((item) => item.label === 'trim')?.textEdit?.range.start.character).toBe(10);
    const tests = labels(await complete('{% if x is ‸ %}{% endif %}'));
    expect(tests).toEqual(expect.arrayContaining(['defined', 'odd', 'string']));
    const negated = labels(await complete('{% if x is not ‸ %}{% endif %}'));
    expect(negated).toContain('null');
  });

  test('schema names in generate_object(schema="…")', async () => {
    const items = await complete(`${frontMatter}<< p = generate_object(schema="‸") >>`);
    expect(labels(items)).toEqual(['Person']);
  });

  test('role names in {% role "…" %}', async () => {
    expect(labels(await complete('{% role "‸'))).toEqual(['system', 'user', 'assistant', 'model']);
    const typed = await complete('{% role "sy‸" %}hi{% endrole %}');
    expect(typed.find((item) => item.label === 'system')?.textEdit?.newText).toBe('system');
  });

  test('file paths in include and flow()', async () => {
    const include = labels(await complete('{% include "‸" %}'));
    expect(include).toEqual(expect.arrayContaining(['lib/', 'partial.ot', 'story.ot']));
    expect(include.every((name) => name.endsWith('/') || name.endsWith('.ot'))).toBe(true);
    const flow = await complete('<< flow("lib/‸") >>');
    expect(labels(flow)).toEqual(['greet.ot']);
    expect(flow[0]!.textEdit?.newText).toBe('lib/greet.ot');
  });

  test('front matter keys not yet written, input types, builtins under defaults', async () => {
    const keys = labels(await complete('---\ninput:\n  q: string\n‸\n---\n'));
    expect(keys).toEqual(['description', 'output', 'schemas', 'defaults', 'backend']);
    const types = labels(await complete('---\ninput:\n  q: str‸\n---\n'));
    expect(types).toEqual(['string', 'number', 'integer', 'boolean', 'list', 'object', 'any']);
    const defaults = labels(await complete('---\ndefaults:\n  ‸\n---\n'));
    expect(defaults).toContain('generate_text');
    expect(defaults).not.toContain('flow');
  });

  test('nothing in plain text and comments', async () => {
    expect(await complete('Just text ‸ here')).toEqual([]);
    expect(await complete('{# a comment ‸ #}')).toEqual([]);
    expect(await complete('{% raw %}{{ ‸ }}{% endraw %}')).toEqual([]);
  });
});
