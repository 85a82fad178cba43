import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../../src/source/index.js';
import {
  createCallBlock,
  createEmptyMeta,
  createProgram,
  createTemplate,
  createText,
} from '../../src/ir/create-stmt.js';
import { createBuiltinCall, createKeywordArg, createLiteral } from '../../src/ir/create-expr.js';
import { dumpIR } from '../../src/ir/dump.js';

const source = 'Hi\n<< x = generate_text(temperature=0) >>\n';
const template = createTemplate(
  'a.ot',
  createEmptyMeta(),
  [
    createText('Hi\n', { start: 0, end: 3 }),
    createCallBlock(
      'x',
      [
        createBuiltinCall(
          'generate_text',
          [],
          [createKeywordArg('temperature', createLiteral(0, { start: 35, end: 36 }))],
          null,
          { start: 9, end: 37 },
        ),
      ],
      { start: 3, end: 40 },
    ),
  ],
  false,
  { start: 0, end: source.length },
);

describe('dumpIR', () => {
  it('prints one node per line with line:col spans', () => {
    expect(dumpIR(template, { 'a.ot': createSourceFile('a.ot', source) })).toBe(
      [
        'template a.ot @1:1-3:1',
        '  text "Hi\\n" @1:1-2:1',
        '  callBlock x = @2:1-2:38',
        '    term: builtinCall generate_text @2:7-2:35',
        '      temperature= literal 0 @2:33-2:34',
        '',
      ].join('\n'),
    );
  });

  it('falls back to offsets without the source, and prints programs entry first', () => {
    const other = { ...template, path: 'b.ot', body: [] };
    const dump = dumpIR(createProgram('b.ot', { 'a.ot': template, 'b.ot': other }));
    expect(dump.split('\n').slice(0, 3)).toEqual([
      'program entry=b.ot',
      '  template b.ot @0-42',
      '  template a.ot @0-42',
    ]);
  });
});
