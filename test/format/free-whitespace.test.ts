import { describe, expect, it } from 'vitest';
import { countLineBreaks, splitFreeWhitespace } from '../../src/format/free-whitespace.js';

describe('splitFreeWhitespace', () => {
  it('finds nothing free in text that renders as written', () => {
    expect(splitFreeWhitespace('\n  a \n', '\n  a \n')).toEqual({
      lead: '',
      core: '\n  a \n',
      trail: '',
    });
  });

  it('splits the whitespace trimmed at either edge', () => {
    expect(splitFreeWhitespace('\n  a \n', 'a \n')).toEqual({
      lead: '\n  ',
      core: 'a \n',
      trail: '',
    });
    expect(splitFreeWhitespace('\n  a \n', '\n  a')).toEqual({
      lead: '',
      core: '\n  a',
      trail: ' \n',
    });
    expect(splitFreeWhitespace('\n  a \n', 'a')).toEqual({ lead: '\n  ', core: 'a', trail: ' \n' });
  });

  it('takes blank text trimmed to nothing as free', () => {
    expect(splitFreeWhitespace(' \n\t', '')).toEqual({ lead: ' \n\t', core: '', trail: '' });
  });

  it('trusts no split that does not give back the value', () => {
    expect(splitFreeWhitespace('a b', 'ab')).toBeNull();
    expect(splitFreeWhitespace(' a ', '')).toBeNull();
  });

  it('counts line breaks of any kind', () => {
    expect(countLineBreaks('\r\n\n\r ')).toBe(3);
    expect(countLineBreaks('  ')).toBe(0);
  });
});
