import { describe, expect, it } from 'vitest';
import { markSafe, renderCallTerm, renderOutput } from '../../src/runtime/jinja/index.js';
import { renderNunjucks, sampleValues } from './nunjucks.js';

describe('renderOutput', () => {
  for (const [name, value] of Object.entries(sampleValues)) {
    it(`renders ${name} as nunjucks does`, () => {
      expect(renderOutput(value)).toBe(renderNunjucks('{{ v }}', { v: value }));
    });
  }

  it('renders a SafeString as its text', () => {
    expect(renderOutput(markSafe('<b>'))).toBe(renderNunjucks('{{ v }}', { v: markSafe('<b>') }));
    expect(renderOutput(markSafe('<b>'))).toBe('<b>');
  });

  it('renders a list holding SafeStrings and nulls like JavaScript join', () => {
    const v = [markSafe('a'), null, [markSafe('b'), undefined]];
    expect(renderOutput(v)).toBe(renderNunjucks('{{ v }}', { v }));
  });
});

describe('renderCallTerm', () => {
  it('renders lists and objects as compact JSON', () => {
    expect(renderCallTerm([1, 'a', null])).toBe('[1,"a",null]');
    expect(renderCallTerm({ a: [1, { b: true }] })).toBe('{"a":[1,{"b":true}]}');
    expect(renderCallTerm([markSafe('x'), undefined])).toBe('["x",null]');
  });

  it('renders everything else like {{ }}', () => {
    for (const value of ['text', 3, 2.5, true, null, undefined, markSafe('safe'), NaN]) {
      expect(renderCallTerm(value)).toBe(renderOutput(value));
    }
  });
});
