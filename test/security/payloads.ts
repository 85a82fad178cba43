/**
 * Sandbox escapes found on the base commit (each printed `root`, a pid or a function's source,
 * or polluted `Object.prototype`), plus the member routes around them. Each must end in one of
 * `codes`: a check-time error (the template never runs) or OT4001 at run time.
 */
export interface Payload {
  name: string;
  source: string;
  /** The diagnostic codes any one of which may stop it. */
  codes: readonly string[];
}

const runtime = ['OT4001'] as const;
const read = ['OT2017', 'OT4001'] as const;
const bind = ['OT2015', 'OT4001'] as const;

export const payloads: readonly Payload[] = [
  { name: 'top-level constructor', source: '{{ constructor }}', codes: read },
  {
    name: 'Function from the prototype of a global, then child_process',
    source:
      '{% set F = constructor.getOwnPropertyDescriptor(constructor.getPrototypeOf(range), "constructor").value %}' +
      '{{ F("return process")().getBuiltinModule("child_process").execSync("id -un").toString() }}',
    codes: read,
  },
  {
    name: '`set __proto__` to a function, then constructor',
    source: '{% set __proto__ = range %}{{ constructor("return process")().pid }}',
    codes: bind,
  },
  {
    name: '`set __proto__` to a dict injects names',
    source: '{% set __proto__ = {"x": 1} %}{{ x }}',
    codes: bind,
  },
  { name: 'top-level __lookupGetter__', source: '{{ __lookupGetter__ }}', codes: read },
  {
    name: '__lookupGetter__ of __proto__',
    source: '{{ __lookupGetter__("__proto__") }}',
    codes: read,
  },
  {
    name: 'Object.assign pollutes Object.prototype',
    source: '{{ constructor.assign(__proto__, {"polluted": "yes"}) }}{{ {}.polluted }}',
    codes: read,
  },
  { name: 'top-level prototype', source: '{{ prototype }}', codes: read },
  { name: '__defineGetter__', source: '{{ __defineGetter__("x", range) }}', codes: read },
  {
    name: 'loop target named constructor',
    source: '{% for constructor in [1] %}{{ constructor }}{% endfor %}',
    codes: bind,
  },
  {
    name: 'macro parameter named __proto__',
    source: '{% macro m(__proto__) %}{{ x }}{% endmacro %}{{ m({"x": 1}) }}',
    codes: bind,
  },
  {
    name: 'macro named constructor',
    source: '{% macro constructor() %}x{% endmacro %}',
    codes: bind,
  },
  {
    name: 'call parameter named prototype',
    source:
      '{% macro m() %}{{ caller(1) }}{% endmacro %}{% call(prototype) m() %}{{ prototype }}{% endcall %}',
    codes: bind,
  },
  {
    name: 'keyword argument named __proto__',
    source: '{% macro m(x=1) %}{{ x }}{% endmacro %}{{ m(__proto__={"x": 2}) }}',
    codes: bind,
  },
  {
    name: 'set block named __lookupSetter__',
    source: '{% set __lookupSetter__ %}x{% endset %}',
    codes: bind,
  },
  {
    name: 'input declared as __proto__',
    source: '---\ninput:\n  __proto__: object\n---\n{{ x }}',
    codes: ['OT2016'],
  },
  {
    name: 'input declared as constructor',
    source: '---\ninput:\n  constructor: string\n---\n{{ constructor }}',
    codes: ['OT2016', 'OT2017'],
  },
  // Member routes: these pass the checks and must stop at run time.
  {
    name: 'constructor of a global',
    source: '{{ range.constructor("return process")() }}',
    codes: runtime,
  },
  { name: 'constructor of a string', source: '{{ "".constructor }}', codes: runtime },
  { name: 'constructor by index', source: '{{ range["constructor"] }}', codes: runtime },
  { name: 'call of a global', source: '{{ range.call(none, 1) }}', codes: runtime },
  { name: 'apply of a method', source: '{{ "a".split.apply }}', codes: runtime },
  { name: 'bind of a macro', source: '{% macro m() %}x{% endmacro %}{{ m.bind }}', codes: runtime },
  { name: 'toString of a global', source: '{{ range.toString() }}', codes: runtime },
  { name: 'caller of a joiner', source: '{{ joiner().caller }}', codes: runtime },
  { name: '__proto__ of a list', source: '{{ [].__proto__ }}', codes: runtime },
  { name: 'prototype chain by keys from data', source: '{{ {}[["__proto__"]] }}', codes: runtime },
  { name: 'iterator methods', source: '{{ [1].entries().next() }}', codes: runtime },
  { name: 'Object statics through a dict', source: '{{ {}.__defineGetter__ }}', codes: runtime },
  { name: 'inherited method outside the list', source: '{{ "x".anchor("y") }}', codes: runtime },
  {
    name: 'caller of caller',
    source: '{% macro m() %}{{ caller.caller }}{% endmacro %}{% call m() %}x{% endcall %}',
    codes: runtime,
  },
];

/** Text that must never appear in any output: a function's source, a process, a user. */
export const leaks: readonly RegExp[] = [
  /function\s*\w*\s*\(/,
  /=>/,
  /\[native code\]/,
  /\broot\b/,
  /\bprocess\b/,
  /polluted/,
];

/** The own property names of the built-in prototypes a template could pollute. */
export function prototypeSnapshot(): Record<string, string[]> {
  const protos = {
    Object: Object.prototype,
    Function: Function.prototype,
    Array: Array.prototype,
    String: String.prototype,
    Number: Number.prototype,
  };
  return Object.fromEntries(
    Object.entries(protos).map(([name, proto]) => [
      name,
      Reflect.ownKeys(proto).map(String).sort(),
    ]),
  );
}
