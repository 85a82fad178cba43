// The shared lexer and parser skip chevrotain's definition checks to start faster; this test
// runs them, so a grammar or pattern mistake still fails here.
import { describe, expect, it } from 'vitest';
import { createLexer } from '../../src/syntax/lexer.js';
import { OtParser } from '../../src/syntax/parser.js';

describe('grammar and lexer definitions', () => {
  it('pass chevrotain’s lexer checks', () => {
    const lexer = createLexer({ validate: true });
    expect(lexer.lexerDefinitionErrors).toEqual([]);
  });

  it('pass chevrotain’s grammar checks (ambiguities, left recursion)', () => {
    // performSelfAnalysis throws on any definition error when validations run.
    expect(() => new OtParser({ validate: true })).not.toThrow();
  });
});
