import { describe, expect, it } from 'vitest';
import { stringValue } from '../../src/syntax/literals.js';
import { printStringLiteral } from '../../src/format/string-literal.js';

describe('printStringLiteral', () => {
  it.each([
    // [written, singleQuote, expected]
    [`'plain'`, false, `"plain"`],
    [`"plain"`, true, `'plain'`],
    [`"plain"`, false, `"plain"`],
    [`'it\\'s'`, false, `"it's"`],
    [`"say \\"hi\\""`, false, `'say "hi"'`],
    [`'say "hi"'`, false, `'say "hi"'`],
    [`"it's"`, true, `"it's"`],
    [`'a \\' and "'`, false, `"a ' and \\""`],
    [`"tab\\tnew\\n"`, true, `'tab\\tnew\\n'`],
    [`'back\\qslash'`, false, `"back\\qslash"`],
    [`"a\\\\b"`, true, `'a\\\\b'`],
    [`''`, false, `""`],
  ])('%s (singleQuote: %s) → %s', (raw, singleQuote, expected) => {
    const printed = printStringLiteral(raw, singleQuote);
    expect(printed).toBe(expected);
    expect(stringValue(printed, true)).toBe(stringValue(raw, true));
  });

  it('keeps the value of every string it rewrites', () => {
    const samples = [
      `'\\"'`,
      `"\\'"`,
      `'"\\''`,
      `"\\\\\\""`,
      `'\\\\'`,
      `"x\\'y\\"z"`,
      `'line\nbreak'`,
    ];
    for (const raw of samples) {
      for (const singleQuote of [false, true]) {
        expect(stringValue(printStringLiteral(raw, singleQuote), true)).toBe(
          stringValue(raw, true),
        );
      }
    }
  });
});
