import { SafeString } from './safe-string.js';

/**
 * The methods of built-in prototypes a template may call: the data methods of strings
 * (`name.toUpperCase()`, `text.split(",")`), lists (`items.push(x)`, `items.join(", ")`),
 * numbers (`x.toFixed(2)`) and dicts (`d.hasOwnProperty("k")`). None returns a function, a
 * prototype or a constructor. Every other function found on a prototype (`call`, `apply`,
 * `bind`, `toString` of a function, `Object`'s statics, `Date`/`Map` methods…) is refused.
 */
const SAFE_METHODS = new Map<object, ReadonlySet<string>>([
  [
    String.prototype,
    new Set([
      'at',
      'charAt',
      'charCodeAt',
      'codePointAt',
      'concat',
      'endsWith',
      'includes',
      'indexOf',
      'lastIndexOf',
      'localeCompare',
      'match',
      'normalize',
      'padEnd',
      'padStart',
      'repeat',
      'replace',
      'replaceAll',
      'search',
      'slice',
      'split',
      'startsWith',
      'substr',
      'substring',
      'toLocaleLowerCase',
      'toLocaleUpperCase',
      'toLowerCase',
      'toString',
      'toUpperCase',
      'trim',
      'trimEnd',
      'trimStart',
      'valueOf',
    ]),
  ],
  [
    Array.prototype,
    new Set([
      'at',
      'concat',
      'every',
      'fill',
      'filter',
      'find',
      'findIndex',
      'findLast',
      'findLastIndex',
      'flat',
      'flatMap',
      'forEach',
      'includes',
      'indexOf',
      'join',
      'lastIndexOf',
      'map',
      'pop',
      'push',
      'reduce',
      'reduceRight',
      'reverse',
      'shift',
      'slice',
      'some',
      'sort',
      'splice',
      'toReversed',
      'toSorted',
      'toSpliced',
      'toString',
      'unshift',
      'with',
    ]),
  ],
  [Number.prototype, new Set(['toExponential', 'toFixed', 'toPrecision', 'toString', 'valueOf'])],
  [Boolean.prototype, new Set(['toString', 'valueOf'])],
  [
    Object.prototype,
    new Set([
      'hasOwnProperty',
      'isPrototypeOf',
      'propertyIsEnumerable',
      'toLocaleString',
      'toString',
      'valueOf',
    ]),
  ],
  // nunjucks' SafeString (macro output, captures) overrides these two; the rest is String's.
  [SafeString.prototype, new Set(['toString', 'valueOf'])],
]);

/**
 * True when a template may call the function-valued member `name` of `object` (not a function
 * itself): an own property of the value (a function the host passed in, `loop`'s or a cycler's
 * methods), or a listed method of the built-in prototype the value inherits it from.
 */
export function isCallableMember(
  object: object | string | number | boolean,
  name: string,
): boolean {
  const target = Object(object) as object;
  if (Object.prototype.hasOwnProperty.call(target, name)) return true;
  for (let proto = Object.getPrototypeOf(target) as object | null; proto;) {
    if (Object.prototype.hasOwnProperty.call(proto, name))
      return SAFE_METHODS.get(proto)?.has(name) ?? false;
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return false;
}
