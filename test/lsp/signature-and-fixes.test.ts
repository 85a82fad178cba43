import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspClient, withCursor, type Position, type PublishedDiagnostics } from './lsp-client.js';

interface SignatureHelp {
  signatures: {
    label: string;
    documentation?: { value: string };
    parameters: { label: [number, number] }[];
  }[];
  activeSignature: number;
  activeParameter: number | null;
}
interface TextEdit {
  range: { start: Position; end: Position };
  newText: string;
}
interface CodeAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edit: { changes: Record<string, TextEdit[]> };
}

let client: LspClient;
let dir: string;
let version = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ot-lsp-fixes-'));
  writeFileSync(
    join(dir, 'summarize.ot'),
    '---\ndescription: Summarizes a text.\ninput:\n  text: string\n  words: {type: integer, default: 50}\n---\n<< generate_text() >>\n',
  );
  ({ client } = await LspClient.start());
});
afterAll(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens `name` in the temp workspace with this text. */
async function open(name: string, text: string): Promise<string> {
  const uri = pathToFileURL(join(dir, name)).href;
  writeFileSync(join(dir, name), text);
  await client.open(uri, text, ++version);
  return uri;
}

/** The signature help at the `‸` of `source`, in a new file. */
async function signatureAt(source: string, name = 'sig.ot'): Promise<SignatureHelp | null> {
  const { text, position } = withCursor(source);
  const uri = await open(name, text);
  const help = await client.request<SignatureHelp | null>('textDocument/signatureHelp', {
    textDocument: { uri },
    position,
  });
  await client.close(uri);
  return help;
}

/** The active parameter's label. */
function active(help: SignatureHelp): string | null {
  const signature = help.signatures[help.activeSignature]!;
  if (help.activeParameter === null) return null;
  const [start, end] = signature.parameters[help.activeParameter]!.label;
  return signature.label.slice(start, end);
}

/** Applies edits to a text (no overlaps, as one code action's edits are). */
function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: Position) =>
    lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) {
    result =
      result.slice(0, offset(edit.range.start)) +
      edit.newText +
      result.slice(offset(edit.range.end));
  }
  return result;
}

/** The quick fixes offered for the published diagnostics of `text` (opened as a new file). */
async function fixesFor(
  text: string,
  code: string,
): Promise<{
  uri: string;
  actions: CodeAction[];
  diagnostic: PublishedDiagnostics['diagnostics'][0];
}> {
  const uri = await open(`fix-${version + 1}.ot`, text);
  const published = await client.diagnostics(uri, (p) =>
    p.diagnostics.some((d) => d.code === code),
  );
  const diagnostic = published.diagnostics.find((d) => d.code === code)!;
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  });
  return { uri, actions, diagnostic };
}

describe('signature help', () => {
  test('announced with ( and , as triggers', async () => {
    const { client: other, result } = await LspClient.start();
    expect(result.capabilities['signatureHelpProvider']).toEqual({
      triggerCharacters: ['(', ','],
    });
    expect(result.capabilities['codeActionProvider']).toEqual({ codeActionKinds: ['quickfix'] });
    await other.stop();
  });

  test('a builtin: its parameters from the registry, the keyword being written active', async () => {
    const first = await signatureAt('<< generate_object(‸ >>');
    expect(first?.signatures[0]?.label).toBe(
      'generate_object(prompt?, schema, temperature?, max_tokens?, stop?, top_p?, top_k?, seed?) → value',
    );
    expect(active(first!)).toBe('prompt?');
    const keyword = await signatureAt('<< generate_object("p", schema="A", temperature=‸ >>');
    expect(active(keyword!)).toBe('temperature?');
    // generate_object takes one positional argument: a second one is no parameter.
    const second = await signatureAt('<< generate_object("p", ‸ >>');
    expect(second?.activeParameter).toBeNull();
    const select = await signatureAt('<< select(["a", "b"], ‸ >>');
    expect(active(select!)).toBe('prompt?');
  });

  test('a macro: its parameters and defaults', async () => {
    const help = await signatureAt(
      '{% macro greet(name, greeting="Hi") %}{{ greeting }} {{ name }}{% endmacro %}\n{{ greet("Ann", ‸) }}',
    );
    expect(help?.signatures[0]?.label).toBe('greet(name, greeting="Hi")');
    expect(active(help!)).toBe('greeting="Hi"');
  });

  test("flow(): the called file's inputs, required ones without `?`", async () => {
    const help = await signatureAt('<< flow("summarize.ot", words=‸) >>');
    expect(help?.signatures[0]?.label).toBe("flow(path, text, words?) → the other file's result");
    expect(help?.signatures[0]?.documentation?.value).toBe('Summarizes a text.');
    expect(active(help!)).toBe('words?');
  });

  test('nothing outside a call, or for a builtin outside a call block', async () => {
    expect(await signatureAt('Hello ‸ world')).toBeNull();
    expect(await signatureAt('{{ generate_text(‸) }}')).toBeNull();
  });
});

describe('quick fixes', () => {
  test('did you mean: a filter', async () => {
    const text = '{{ "x" | uper }}\n';
    const { uri, actions, diagnostic } = await fixesFor(text, 'OT2006');
    expect(actions.map((a) => a.title)).toEqual(['Change to `upper`']);
    expect(actions[0]!.kind).toBe('quickfix');
    expect(actions[0]!.isPreferred).toBe(true);
    expect(apply(text, actions[0]!.edit.changes[uri]!)).toBe('{{ "x" | upper }}\n');
    expect(diagnostic).toHaveProperty('data', { name: 'uper', suggestion: 'upper' });
    // A client that does not send `data` back gets the same fix.
    const { data: _dropped, ...bare } = diagnostic as typeof diagnostic & { data?: unknown };
    const again = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: bare.range,
      context: { diagnostics: [bare] },
    });
    expect(again.map((a) => a.title)).toEqual(['Change to `upper`']);
  });

  test('did you mean: a test, a builtin, a variable', async () => {
    const testText = '{% if 3 is od %}x{% endif %}\n';
    const tested = await fixesFor(testText, 'OT2010');
    expect(apply(testText, tested.actions[0]!.edit.changes[tested.uri]!)).toBe(
      '{% if 3 is odd %}x{% endif %}\n',
    );
    const builtinText = '<< generate_txt() >>\n';
    const builtin = await fixesFor(builtinText, 'OT2001');
    expect(apply(builtinText, builtin.actions[0]!.edit.changes[builtin.uri]!)).toBe(
      '<< generate_text() >>\n',
    );
    const variableText = '---\ninput:\n  topic: string\n---\n{{ topc }}\n';
    const variable = await fixesFor(variableText, 'OT2003');
    expect(variable.actions.map((a) => a.title)).toEqual([
      'Change to `topic`',
      'Declare `topc` as an input',
    ]);
    expect(apply(variableText, variable.actions[0]!.edit.changes[variable.uri]!)).toBe(
      '---\ninput:\n  topic: string\n---\n{{ topic }}\n',
    );
  });

  test('did you mean: a schema, and an input of a flow() file', async () => {
    const schemaText =
      '---\nschemas:\n  Person: {type: object}\n---\n<< p = generate_object(schema="Persn") >>\n';
    const schema = await fixesFor(schemaText, 'OT2011');
    expect(apply(schemaText, schema.actions[0]!.edit.changes[schema.uri]!)).toBe(
      '---\nschemas:\n  Person: {type: object}\n---\n<< p = generate_object(schema="Person") >>\n',
    );
    const flowText = '<< flow("summarize.ot", text="t", wrds=3) >>\n';
    const flow = await fixesFor(flowText, 'OT2008');
    expect(flow.actions.map((a) => a.title)).toEqual(['Change to `words`']);
    expect(apply(flowText, flow.actions[0]!.edit.changes[flow.uri]!)).toBe(
      '<< flow("summarize.ot", text="t", words=3) >>\n',
    );
  });

  test('no guess far off: a name close to nothing gets no "did you mean"', async () => {
    const { actions } = await fixesFor('{{ "x" | zzzzzz }}\n', 'OT2006');
    expect(actions).toEqual([]);
  });

  test('declare an undefined variable as an input, with or without a front matter', async () => {
    const bare = 'Hello {{ name }}\n';
    const none = await fixesFor(bare, 'OT2003');
    const declare = none.actions.find((a) => a.title === 'Declare `name` as an input')!;
    expect(apply(bare, declare.edit.changes[none.uri]!)).toBe(
      '---\ninput:\n  name: string\n---\nHello {{ name }}\n',
    );
    const withInputs =
      '---\ninput:\n    a: string\n    b: {type: integer, default: 1}\n---\n{{ c }}\n';
    const more = await fixesFor(withInputs, 'OT2003');
    const add = more.actions.find((a) => a.title === 'Declare `c` as an input')!;
    expect(apply(withInputs, add.edit.changes[more.uri]!)).toBe(
      '---\ninput:\n    a: string\n    b: {type: integer, default: 1}\n    c: string\n---\n{{ c }}\n',
    );
    const noInputKey = '---\ndescription: x\n---\n{{ zeta }}\n';
    const noKey = await fixesFor(noInputKey, 'OT2003');
    const key = noKey.actions.find((a) => a.title === 'Declare `zeta` as an input')!;
    const fixed = apply(noInputKey, key.edit.changes[noKey.uri]!);
    expect(fixed).toBe('---\ndescription: x\ninput:\n  zeta: string\n---\n{{ zeta }}\n');
    const flowStyle = '---\ninput: {a: string}\n---\n{{ a }}{{ zed }}\n';
    const inline = await fixesFor(flowStyle, 'OT2003');
    const pair = inline.actions.find((a) => a.title === 'Declare `zed` as an input')!;
    expect(apply(flowStyle, pair.edit.changes[inline.uri]!)).toBe(
      '---\ninput: {a: string, zed: string}\n---\n{{ a }}{{ zed }}\n',
    );
    // The fixed file is clean.
    const uri = await open('fixed.ot', fixed);
    expect((await client.diagnostics(uri)).diagnostics).toEqual([]);
  });

  test('a builtin outside a call block becomes a call block', async () => {
    const output = 'A: {{ generate_text(max_tokens=5) }}\n';
    const out = await fixesFor(output, 'OT2002');
    expect(out.actions.map((a) => a.title)).toEqual(['Write the call as a call block `<< … >>`']);
    expect(apply(output, out.actions[0]!.edit.changes[out.uri]!)).toBe(
      'A: << generate_text(max_tokens=5) >>\n',
    );
    const set = '{% set answer = generate_text() %}{{ answer }}\n';
    const fromSet = await fixesFor(set, 'OT2002');
    expect(apply(set, fromSet.actions[0]!.edit.changes[fromSet.uri]!)).toBe(
      '<< answer = generate_text() >>{{ answer }}\n',
    );
  });
});
