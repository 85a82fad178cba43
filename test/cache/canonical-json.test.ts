import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/cache/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts object keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('drops undefined members but keeps null', () => {
    expect(canonicalJson({ a: undefined, b: null, c: { d: undefined } })).toBe('{"b":null,"c":{}}');
  });

  it('keeps array order and prints holes and undefined elements as null', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(canonicalJson([3, undefined, , 1])).toBe('[3,null,null,1]');
  });

  it('formats numbers stably', () => {
    expect(canonicalJson([1, 1.5, -0, 1e21, 1e-7, 0.1 + 0.2, 100])).toBe(
      '[1,1.5,0,1e+21,1e-7,0.30000000000000004,100]',
    );
  });

  it('escapes strings as JSON does, including lone surrogates', () => {
    expect(canonicalJson({ 'k"\n': 'a\u0000b\ud800' })).toBe('{"k\\"\\n":"a\\u0000b\\ud800"}');
  });

  it('sorts keys by code units, independent of locale', () => {
    expect(canonicalJson({ b: 1, B: 2, ä: 3, a: 4, _: 5, '10': 6, '9': 7 })).toBe(
      '{"10":6,"9":7,"B":2,"_":5,"a":4,"b":1,"ä":3}',
    );
  });

  it('uses toJSON (dates) and unwraps boxed primitives and String subclasses', () => {
    class SafeString extends String {}
    expect(
      canonicalJson({
        when: new Date(Date.UTC(2024, 0, 2)),
        s: new SafeString('<b>'),
        n: Object(3) as unknown,
        t: Object(true) as unknown,
      }),
    ).toBe('{"n":3,"s":"<b>","t":true,"when":"2024-01-02T00:00:00.000Z"}');
  });

  it('accepts an object without prototype and shared (acyclic) references', () => {
    const shared = { x: 1 };
    const bare = Object.create(null) as Record<string, unknown>;
    bare['b'] = shared;
    bare['a'] = shared;
    expect(canonicalJson(bare)).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('refuses functions, naming where they are', () => {
    expect(() => canonicalJson({ a: [1, { f: () => 1 }] })).toThrow(
      'canonicalJson: cannot encode a function at $.a[1].f',
    );
  });

  it('refuses bigints, symbols and non-finite numbers', () => {
    expect(() => canonicalJson({ n: 10n })).toThrow('cannot encode the bigint 10n at $.n');
    expect(() => canonicalJson([Symbol('s')])).toThrow('cannot encode a symbol at $[0]');
    expect(() => canonicalJson({ 'a b': NaN })).toThrow('cannot encode the number NaN at $["a b"]');
    expect(() => canonicalJson(Infinity)).toThrow('cannot encode the number Infinity at $');
  });

  it('refuses cycles', () => {
    const value: Record<string, unknown> = { a: 1 };
    value['self'] = { back: value };
    expect(() => canonicalJson(value)).toThrow(
      'cannot encode a cycle (the value contains itself) at $.self.back',
    );
    const list: unknown[] = [];
    list.push(list);
    expect(() => canonicalJson(list)).toThrow('cycle');
  });

  it('refuses Maps, Sets, RegExps and class instances rather than printing {}', () => {
    expect(() => canonicalJson({ m: new Map([[1, 2]]) })).toThrow('cannot encode a Map');
    expect(() => canonicalJson(new Set())).toThrow('cannot encode a Set');
    expect(() => canonicalJson(/x/)).toThrow('cannot encode a RegExp');
    class Point {
      x = 1;
    }
    expect(() => canonicalJson(new Point())).toThrow('cannot encode a Point');
  });

  it('refuses a bare undefined', () => {
    expect(() => canonicalJson(undefined)).toThrow('cannot encode undefined at $');
  });

  it('agrees with JSON.parse: the text parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('gives the same text for any order of object keys (property)', () => {
    fc.assert(
      fc.property(
        fc.jsonValue().chain((value) => fc.tuple(fc.constant(value), shuffledCopy(value))),
        ([original, shuffled]) => {
          expect(canonicalJson(shuffled)).toBe(canonicalJson(original));
        },
      ),
    );
  });
});

/** An arbitrary deep copy of `value` whose objects list their keys in a random order. */
function shuffledCopy(value: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(value)) {
    return value.length === 0 ? fc.constant([]) : fc.tuple(...value.map(shuffledCopy));
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return fc.constant({});
    return fc
      .tuple(
        fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }),
        fc.tuple(...entries.map(([, member]) => shuffledCopy(member))),
      )
      .map(([order, members]) => {
        const copies = new Map(entries.map(([key], index) => [key, members[index]]));
        const copy: Record<string, unknown> = {};
        for (const [key] of order) {
          // defineProperty, so a "__proto__" key stays an own member as JSON.parse makes it.
          Object.defineProperty(copy, key, {
            value: copies.get(key),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        return copy;
      });
  }
  return fc.constant(value);
}
