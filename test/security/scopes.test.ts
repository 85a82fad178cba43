import { describe, expect, it } from 'vitest';
import { Context, Frame, lookupName } from '../../src/runtime/interpreter/frame.js';
import {
  createGlobals,
  FORBIDDEN_NAMES,
  getMember,
  makeDict,
} from '../../src/runtime/jinja/index.js';

/*
 * The run-time gate behind the checks: a program that reaches the interpreter without them
 * (or a name the checks missed) still cannot read a forbidden name or an inherited member.
 */
describe('prototype-free scopes', () => {
  const context = () => new Context({ name: 'Ada' }, createGlobals());

  it.each(FORBIDDEN_NAMES)('refuses the variable `%s` with OT4001', (name) => {
    expect(() => lookupName(context(), new Frame(null, false), name)).toThrow(
      expect.objectContaining({ code: 'OT4001' }),
    );
  });

  it('finds no Object.prototype member as a name (toString, valueOf, hasOwnProperty)', () => {
    for (const name of ['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'])
      expect(lookupName(context(), new Frame(null, false), name)).toBeUndefined();
    expect(lookupName(context(), new Frame(null, false), 'name')).toBe('Ada');
  });

  it("keeps an input named __proto__ as an own key, not as the store's prototype", () => {
    const inputs = JSON.parse('{"__proto__": {"x": 1}}') as Record<string, unknown>;
    const ctx = new Context(inputs, createGlobals());
    expect(Object.getPrototypeOf(ctx.variables)).toBeNull();
    expect(lookupName(ctx, new Frame(null, false), 'x')).toBeUndefined();
  });

  it('builds dicts whose "__proto__" key is an own key', () => {
    const dict = makeDict(['__proto__', { x: 1 }, 'a', 2]);
    expect(Object.getPrototypeOf(dict)).toBe(Object.prototype);
    expect(Object.keys(dict)).toEqual(['__proto__', 'a']);
    expect((dict as { x?: unknown }).x).toBeUndefined();
  });

  it('refuses members of functions and unlisted inherited methods', () => {
    const globals = createGlobals();
    for (const name of ['call', 'apply', 'bind', 'toString', 'name', 'caller'])
      expect(() => getMember(globals.range, name)).toThrow(
        expect.objectContaining({ code: 'OT4001' }),
      );
    expect(() => getMember([], 'entries')).toThrow(expect.objectContaining({ code: 'OT4001' }));
    expect(() => getMember(new Date(0), 'getTime')).toThrow(
      expect.objectContaining({ code: 'OT4001' }),
    );
    expect(String(getMember('a', 'split'))).toBe('[function]');
  });
});
