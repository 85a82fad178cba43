/**
 * Types for the parts of nunjucks' own source that the Jinja value library reuses. Only these
 * modules are imported (never nunjucks' lexer, parser or compiler), so `ot-lang/runtime` stays
 * free of template parsing. @types/nunjucks covers only the public API, hence these declarations.
 */

declare module 'nunjucks/src/runtime.js' {
  /** nunjucks' marker for text that must not be escaped; filters test `instanceof` against it. */
  interface NunjucksSafeString {
    val: string;
    length: number;
    toString(): string;
    valueOf(): string;
  }
  interface NunjucksSafeStringConstructor {
    new (value: string): NunjucksSafeString;
    readonly prototype: NunjucksSafeString;
  }
  const runtime: {
    SafeString: NunjucksSafeStringConstructor;
    markSafe(value: unknown): unknown;
    makeKeywordArgs<T extends object>(obj: T): T & { __keywords: true };
    memberLookup(obj: unknown, key: unknown): unknown;
    inOperator(key: unknown, container: unknown): boolean;
    fromIterator(value: unknown): unknown;
    isArray(value: unknown): value is unknown[];
  };
  export = runtime;
}

declare module 'nunjucks/src/lib.js' {
  const lib: {
    isArray(value: unknown): value is unknown[];
    isObject(value: unknown): value is Record<string, unknown>;
    isString(value: unknown): value is string;
    keys(obj: unknown): string[];
  };
  export = lib;
}

declare module 'nunjucks/src/filters.js' {
  /** Every built-in filter by name (aliases `d` and `e` included); some read `this.env`. */
  const filters: Record<string, (this: unknown, ...args: unknown[]) => unknown>;
  export = filters;
}

declare module 'nunjucks/src/tests.js' {
  /** Every built-in `is` test by name (aliases `eq`, `sameas`, `gt`, `lt` included). */
  const tests: Record<string, (this: unknown, ...args: unknown[]) => unknown>;
  export = tests;
}

declare module 'nunjucks/src/globals.js' {
  /** Builds nunjucks' global functions `range`, `cycler` and `joiner` (a fresh object each call). */
  function globals(): Record<string, (...args: unknown[]) => unknown>;
  export = globals;
}
