import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { createSourceFile, positionAt } from '../../src/source/index.js';
import type { FrontMatterNode } from '../../src/syntax/ast.js';
import { lowerFrontMatter } from '../../src/ir/front-matter.js';
import { createReport } from '../../src/ir/lower-context.js';

/** Lowers `yaml` as the front matter of a file, as the parser would hand it over. */
function frontMatter(yaml: string) {
  const text = `---\n${yaml}---\nbody\n`;
  const node: FrontMatterNode = {
    type: 'FrontMatter',
    source: yaml,
    sourceSpan: { start: 4, end: 4 + yaml.length },
    span: { start: 0, end: 4 + yaml.length + 4 },
  };
  const diagnostics: Diagnostic[] = [];
  const result = lowerFrontMatter(
    node,
    createReport('t.ot', (d) => diagnostics.push(d)),
  );
  const file = createSourceFile('t.ot', text);
  /** Each diagnostic as `code line:col "the text under the span"`. */
  const described = diagnostics.map((d) => {
    const { line, column } = positionAt(file, d.span.start);
    return `${d.code} ${line}:${column} ${JSON.stringify(text.slice(d.span.start, d.span.end))}`;
  });
  return { ...result, diagnostics, described };
}

describe('front matter', () => {
  it('gives empty metadata without front matter', () => {
    const diagnostics: Diagnostic[] = [];
    const { meta } = lowerFrontMatter(
      null,
      createReport('t.ot', (d) => diagnostics.push(d)),
    );
    expect(meta).toEqual({
      description: null,
      inputs: {},
      output: null,
      schemas: {},
      defaults: {},
      backend: null,
    });
    expect(diagnostics).toEqual([]);
  });

  it('reads every key', () => {
    const { meta, described, outputSpan } = frontMatter(
      [
        'description: Find a city.',
        'input:',
        '  country: string',
        '  n: {type: integer, default: 3}',
        '  tags: list',
        '  free: any',
        '  raw:',
        '  point: {type: object, properties: {x: {type: number}}, required: [x]}',
        'output: city',
        'schemas:',
        '  City: {type: object, properties: {name: {type: string}}}',
        'defaults:',
        '  generate_text: {temperature: 0, stop: ["\\n"]}',
        '  generate_texts: {samples: 3}',
        '  generate_object: {schema: City}',
        'backend: fake',
        '',
      ].join('\n'),
    );
    expect(described).toEqual([]);
    expect(meta.description).toBe('Find a city.');
    expect(meta.inputs).toEqual({
      country: { schema: { type: 'string' }, required: true, span: { start: 39, end: 46 } },
      n: { schema: { type: 'integer' }, required: false, default: 3, span: expect.any(Object) },
      tags: { schema: { type: 'array' }, required: true, span: expect.any(Object) },
      free: { schema: {}, required: true, span: expect.any(Object) },
      raw: { schema: {}, required: true, span: expect.any(Object) },
      point: {
        schema: { type: 'object', properties: { x: { type: 'number' } }, required: ['x'] },
        required: true,
        span: expect.any(Object),
      },
    });
    expect(meta.output).toBe('city');
    expect(outputSpan).not.toBeNull();
    expect(meta.schemas).toEqual({
      City: { type: 'object', properties: { name: { type: 'string' } } },
    });
    expect(meta.defaults).toEqual({
      generate_text: { temperature: 0, stop: ['\n'] },
      generate_texts: { samples: 3 },
      generate_object: { schema: 'City' },
    });
    expect(meta.backend).toBe('fake');
  });

  it('normalises short types inside a schema map and keeps the default out of the schema', () => {
    const { meta, described } = frontMatter(
      'input:\n  xs: {type: list, default: []}\n  y: {type: any, default: null}\n',
    );
    expect(described).toEqual([]);
    expect(meta.inputs['xs']).toMatchObject({
      schema: { type: 'array' },
      required: false,
      default: [],
    });
    expect(meta.inputs['y']).toMatchObject({ schema: {}, required: false, default: null });
  });

  it('warns about an unknown key at the key (OT2005)', () => {
    const { described } = frontMatter('description: x\ninputs:\n  a: string\n');
    expect(described).toEqual(['OT2005 3:1 "inputs"']);
  });

  it('maps YAML syntax errors into the file (OT2004)', () => {
    const { described, diagnostics, meta } = frontMatter('description: x\ninput: [a\nb: c\n');
    // The YAML starts on line 2 of the file, so its line 3 is the file's line 4. What the YAML
    // parser recovered is kept but not reported on again (no OT2005 for `b`).
    expect(described).toEqual(['OT2004 4:1 "b"']);
    expect(diagnostics[0]!.message).toBe(
      'invalid front matter: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
    expect(meta.description).toBe('x');
  });

  it('reports a duplicate key', () => {
    const { described } = frontMatter('backend: a\nbackend: b\n');
    expect(described).toEqual(['OT2004 3:1 "backend"']);
  });

  it('rejects an unknown short type at the type', () => {
    const { described, diagnostics, meta } = frontMatter('input:\n  a: strng\n');
    expect(described).toEqual(['OT2004 3:6 "strng"']);
    expect(diagnostics[0]!.message).toContain('unknown type "strng" for input `a`');
    // Still declared, as `any`, so its uses are not also reported as undefined.
    expect(meta.inputs).toEqual({
      a: { schema: {}, required: true, span: { start: 13, end: 14 } },
    });
  });

  it('rejects an invalid JSON Schema and a default that does not match', () => {
    const { described, diagnostics } = frontMatter(
      'input:\n  a: {type: strnig}\n  b: {type: integer, default: "x"}\n',
    );
    expect(described).toEqual(['OT2004 3:6 "{type: strnig}"', 'OT2004 4:31 "\\"x\\""']);
    expect(diagnostics[1]!.message).toContain('the default of input `b` does not match its type');
  });

  it('rejects input names that are no variable names, and a non-map input', () => {
    expect(frontMatter('input:\n  my-input: string\n').described).toEqual([
      'OT2004 3:3 "my-input"',
    ]);
    expect(frontMatter('input: [a, b]\n').described).toEqual(['OT2004 2:8 "[a, b]"']);
  });

  it('rejects a front matter that is not a map', () => {
    expect(frontMatter('- a\n- b\n').described).toEqual(['OT2004 2:1 "- a\\n- b\\n"']);
  });

  it('checks schemas', () => {
    const { described, meta } = frontMatter(
      'schemas:\n  Good: {type: string}\n  Bad: {type: 12}\n  List: [1]\n',
    );
    expect(described).toEqual(['OT2004 4:8 "{type: 12}"', 'OT2004 5:9 "[1]"']);
    expect(Object.keys(meta.schemas)).toEqual(['Good']);
  });

  it('checks defaults against the builtin signatures', () => {
    const { described, diagnostics, meta } = frontMatter(
      [
        'defaults:',
        '  generate_txt: {temperature: 0}',
        '  generate_text: {temperature: "hot", colour: red, max_tokens: 10}',
        '  generate_texts: {samples: 0}',
        '  flow: {a: 1}',
        '  select: [1]',
        '',
      ].join('\n'),
    );
    expect(described).toEqual([
      'OT2004 3:3 "generate_txt"',
      'OT2004 4:32 "\\"hot\\""',
      'OT2004 4:39 "colour"',
      'OT2004 5:29 "0"',
      'OT2004 6:3 "flow"',
      'OT2004 7:11 "[1]"',
    ]);
    expect(diagnostics[1]!.message).toBe(
      'invalid front matter: `defaults.generate_text.temperature` must be a number, got "hot"',
    );
    expect(diagnostics[3]!.message).toContain('must be a positive integer, got 0');
    expect(meta.defaults).toEqual({ generate_text: { max_tokens: 10 }, generate_texts: {} });
  });

  it('reports a default schema name that is not declared (OT2011), whatever the key order', () => {
    const { described, diagnostics } = frontMatter(
      'defaults:\n  generate_object: {schema: Persn}\nschemas:\n  Person: {type: object}\n',
    );
    expect(described).toEqual(['OT2011 3:29 "Persn"']);
    expect(diagnostics[0]!.message).toBe('unknown schema `Persn`; declared schemas: `Person`');
  });

  it('requires output to be a variable name and strings to be strings', () => {
    expect(frontMatter('output: my result\n').described).toEqual(['OT2004 2:9 "my result"']);
    expect(frontMatter('description: [1]\nbackend: 3\n').described).toEqual([
      'OT2004 2:14 "[1]"',
      'OT2004 3:10 "3"',
    ]);
  });

  it('accepts empty values as unset', () => {
    const { meta, described } = frontMatter('description:\ninput:\nbackend:\n');
    expect(described).toEqual([]);
    expect(meta.description).toBeNull();
    expect(meta.backend).toBeNull();
  });
});
