import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addInputOptions, parseInputFlags } from '../../src/cli/inputs.js';

describe('parseInputFlags', () => {
  it('reads --input as strings, splitting at the first =', () => {
    expect(parseInputFlags({ input: ['country=France', 'eq=a=b', 'empty='] })).toEqual({
      ok: true,
      inputs: { country: 'France', eq: 'a=b', empty: '' },
    });
  });

  it('parses --input-json values', () => {
    expect(
      parseInputFlags({ inputJson: ['n=3', 'xs=[1,"two"]', 'o={"a":null}', 's="hi"'] }),
    ).toEqual({ ok: true, inputs: { n: 3, xs: [1, 'two'], o: { a: null }, s: 'hi' } });
  });

  it('combines both kinds of flags', () => {
    expect(parseInputFlags({ input: ['a=1'], inputJson: ['b=1'] })).toEqual({
      ok: true,
      inputs: { a: '1', b: 1 },
    });
  });

  it('rejects bad JSON with the input name and the text', () => {
    const result = parseInputFlags({ inputJson: ['xs=[1,'] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^--input-json xs: invalid JSON \(.+\): \[1,$/);
    }
  });

  it('rejects a flag without = or with an empty name', () => {
    expect(parseInputFlags({ input: ['country'] })).toEqual({
      ok: false,
      error: '--input expects NAME=VALUE, got "country"',
    });
    expect(parseInputFlags({ inputJson: ['=1'] })).toEqual({
      ok: false,
      error: '--input-json expects NAME=JSON, got "=1"',
    });
  });

  it('rejects a name given twice, across both flags', () => {
    expect(parseInputFlags({ input: ['a=1'], inputJson: ['a=2'] })).toEqual({
      ok: false,
      error: 'input `a` is given more than once',
    });
  });

  it('gives no inputs for no flags', () => {
    expect(parseInputFlags({})).toEqual({ ok: true, inputs: {} });
  });
});

describe('addInputOptions', () => {
  it('collects repeated flags in order through commander', () => {
    const command = addInputOptions(new Command('run').exitOverride());
    command.parse(['--input', 'a=1', '--input-json', 'b=[2]', '--input', 'c=3'], { from: 'user' });
    const options = command.opts<{ input: string[]; inputJson: string[] }>();
    expect(options).toEqual({ input: ['a=1', 'c=3'], inputJson: ['b=[2]'] });
    expect(parseInputFlags(options)).toEqual({ ok: true, inputs: { a: '1', c: '3', b: [2] } });
  });
});
