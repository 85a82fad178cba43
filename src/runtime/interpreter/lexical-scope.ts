/**
 * Names nunjucks resolves when it compiles a template rather than when it runs it: the targets
 * of an enclosing `for` and the positional parameters of the enclosing macro (or `call` body).
 * nunjucks emits these as JavaScript variables, so they shadow every frame and the context, and
 * an undefined one stays undefined instead of falling through to an input of the same name.
 * `set` on such a name updates the variable too.
 */
export class LexicalScope {
  constructor(
    readonly names: Record<string, unknown>,
    readonly parent: LexicalScope | null,
  ) {}

  /** A child scope binding `names`. */
  static extend(
    parent: LexicalScope | null,
    names: readonly string[],
    values: readonly unknown[],
  ): LexicalScope {
    const record = Object.create(null) as Record<string, unknown>;
    for (let i = 0; i < names.length; i++) record[names[i]!] = values[i];
    return new LexicalScope(record, parent);
  }

  /** A copy of this chain, so a deferred statement sees the values as of its place. */
  snapshot(): LexicalScope {
    return new LexicalScope(
      Object.assign(Object.create(null) as Record<string, unknown>, this.names),
      this.parent ? this.parent.snapshot() : null,
    );
  }
}

/** The scope that binds `name`, if any. */
export function findLexical(scope: LexicalScope | null, name: string): LexicalScope | null {
  for (let s = scope; s; s = s.parent) if (name in s.names) return s;
  return null;
}
