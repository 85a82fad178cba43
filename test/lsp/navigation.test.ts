import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspClient, fixturePath, fixtureUri, positionOfText, type Position } from './lsp-client.js';

interface Range {
  start: Position;
  end: Position;
}
interface Location {
  uri: string;
  range: Range;
}

let client: LspClient;
const uri = fixtureUri('story.ot');
const text = readFileSync(fixturePath('story.ot'), 'utf8');

beforeAll(async () => {
  ({ client } = await LspClient.start());
  await client.open(uri, text);
});
afterAll(async () => {
  await client.stop();
});

const at = (needle: string, delta = 0, nth = 0) => ({
  textDocument: { uri },
  position: positionOfText(text, needle, delta, nth),
});
const range = (needle: string, nth = 0, length = needle.length): Range => {
  const start = positionOfText(text, needle, 0, nth);
  return { start, end: { line: start.line, character: start.character + length } };
};

async function hover(needle: string, delta = 1, nth = 0): Promise<string | null> {
  const result = await client.request<{ contents: { value: string } } | null>(
    'textDocument/hover',
    at(needle, delta, nth),
  );
  return result?.contents.value ?? null;
}

describe('hover', () => {
  test('a builtin: its signature and what it does', async () => {
    const value = await hover('generate_text', 1);
    expect(value).toContain(
      'generate_text(prompt?, temperature?, max_tokens?, stop?, top_p?, top_k?, seed?) → string',
    );
    expect(value).toContain('Raw completion of the prompt');
    const object = await hover('generate_object', 1);
    expect(object).toContain('schema,'.replace(',', '')); // required: no `?`
    expect(object).not.toContain('schema?');
  });

  test("a builtin's keyword argument", async () => {
    expect(await hover('max_tokens', 1)).toContain(
      '(argument of generate_text) max_tokens: positive integer',
    );
  });

  test('an input: where it is declared and its type', async () => {
    const value = await hover('topic | title', 1);
    expect(value).toContain('(input) topic');
    expect(value).toContain('input `topic`: `string` (line 4)');
  });

  test('a call-bound name: the call block and its stage in the plan', async () => {
    // Hover never waits for the plan (it can take long on a large file): once the plan is made,
    // here for the inlay hints an editor asks for, hovers show the stage.
    await client.request('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
    });
    const value = await hover('hero is defined', 1);
    expect(value).toContain('(bound by generate_object) hero');
    expect(value).toContain('<< hero = generate_object(schema="Character") >>');
    expect(value).toMatch(/stage \d+ · runs with \d+ others?/);
    expect(value).toContain('waits for');
  });

  test('a set variable, a loop variable, a macro', async () => {
    expect(await hover('shout(title)', 7)).toContain('{% set title = topic | title %}');
    expect(await hover('{% for i', 7)).toContain('(loop variable) i');
    expect(await hover('shout(title)', 1)).toContain('macro shout(text, times=…)');
  });

  test('a schema name and a flow file', async () => {
    const schema = await hover('"Character"', 2);
    expect(schema).toContain('(schema) Character');
    expect(schema).toContain('name: {type: string}');
    const flow = await hover('"lib/greet.ot"', 2);
    expect(flow).toContain('(flow)');
    expect(flow).toContain('Greets someone by name.');
    expect(flow).toContain('`who`: `string`');
  });

  test('nothing on plain text', async () => {
    expect(await hover('Title:', 1)).toBeNull();
  });
});

describe('go to definition', () => {
  const definition = (needle: string, delta = 1, nth = 0) =>
    client.request<Location | Location[] | null>('textDocument/definition', at(needle, delta, nth));

  test('a variable goes to its binding; an input to its key in the front matter', async () => {
    expect(await definition('shout(title)', 7)).toEqual([{ uri, range: range('title', 0) }]);
    expect(await definition('topic | title', 1)).toEqual([{ uri, range: range('topic') }]);
    expect(await definition('hero is defined', 1)).toEqual([
      { uri, range: range('hero = ', 0, 4) },
    ]);
  });

  test('a macro call goes to the macro', async () => {
    expect(await definition('shout(title)', 1)).toEqual([{ uri, range: range('shout') }]);
  });

  test('a schema name goes to its declaration; include and flow paths go to the file', async () => {
    expect(await definition('"Character"', 2)).toEqual({ uri, range: range('Character') });
    expect(await definition('"partial.ot"', 2)).toEqual({
      uri: fixtureUri('partial.ot'),
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    });
    expect((await definition('"lib/greet.ot"', 2)) as Location).toMatchObject({
      uri: fixtureUri('lib/greet.ot'),
    });
  });

  test('a builtin has no definition', async () => {
    expect(await definition('generate_text', 2)).toBeNull();
  });
});

describe('find references', () => {
  const references = (needle: string, delta = 1, includeDeclaration = true) =>
    client.request<Location[] | null>('textDocument/references', {
      ...at(needle, delta),
      context: { includeDeclaration },
    });

  test("a variable's bindings and reads, and `output:` naming it", async () => {
    const found = await references('ending = ', 1);
    expect(found).toEqual([
      { uri, range: range('ending', 0) },
      { uri, range: range('ending', 1) },
    ]);
  });

  test('an input: its key and every read', async () => {
    const found = await references('topic | title', 1);
    expect(found?.map((l) => l.range)).toEqual([range('topic'), range('topic', 1)]);
    const reads = await references('topic | title', 1, false);
    expect(reads?.map((l) => l.range)).toEqual([range('topic', 1)]);
  });

  test('a schema: its declaration and every schema="…" naming it', async () => {
    const found = await references('Character:', 1);
    expect(found?.map((l) => l.range)).toEqual([
      range('Character'),
      range('"Character"', 0),
      range('"Character"', 1),
    ]);
  });

  test('a file: every include or flow() of it in the open documents', async () => {
    const other = fixtureUri('other.ot');
    const otherText = 'Again: << flow("lib/greet.ot", who="you") >>';
    await client.open(other, otherText);
    const found = await references('"lib/greet.ot"', 2);
    expect(found?.map((l) => l.uri).sort()).toEqual([other, uri].sort());
    await client.close(other);
  });
});

describe('rename', () => {
  test('prepareRename: variables yes; builtins and globals no', async () => {
    // `| title` is a filter, not the variable `title`.
    expect(await client.request('textDocument/prepareRename', at('| title', 3))).toBeNull();
    const variable = await client.request<{ range: Range; placeholder: string } | null>(
      'textDocument/prepareRename',
      at('shout(title)', 7),
    );
    expect(variable).toEqual({ range: range('title', 2), placeholder: 'title' });
    expect(await client.request('textDocument/prepareRename', at('generate_text', 1))).toBeNull();
    expect(await client.request('textDocument/prepareRename', at('range(count)', 1))).toBeNull();
  });

  test('renaming an input renames its key and its reads', async () => {
    const edit = await client.request<{
      changes: Record<string, { range: Range; newText: string }[]>;
    }>('textDocument/rename', {
      ...at('topic | title', 1),
      newName: 'subject',
    });
    expect(edit.changes[uri]).toEqual([
      { range: range('topic'), newText: 'subject' },
      { range: range('topic', 1), newText: 'subject' },
    ]);
  });

  test('renaming the output variable renames `output:` too', async () => {
    const edit = await client.request<{
      changes: Record<string, { range: Range; newText: string }[]>;
    }>('textDocument/rename', {
      ...at('ending = ', 1),
      newName: 'finale',
    });
    expect(edit.changes[uri]?.map((e) => e.range)).toEqual([
      range('ending', 0),
      range('ending', 1),
    ]);
  });

  test('a new name that is not an identifier is refused', async () => {
    await expect(
      client.request('textDocument/rename', { ...at('ending = ', 1), newName: 'not a name' }),
    ).rejects.toThrow('is not a variable name');
  });
});
