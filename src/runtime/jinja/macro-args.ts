/** Marks a keyword parameter that the call left out: its default expression must be evaluated. */
export const USE_DEFAULT: unique symbol = Symbol('ot.useDefault');

/**
 * A macro's parameters split as nunjucks' `makeMacro` splits them: those without a default are
 * positional (in order), those with one are keyword parameters (in order), wherever they appear.
 */
export interface MacroSignature {
  readonly positional: readonly string[];
  readonly keyword: readonly string[];
}

/** The bound arguments of one macro call. */
export interface MacroArguments {
  /**
   * One value per parameter in binding order (`signature.positional` then `signature.keyword`),
   * which is also the order nunjucks evaluates defaults in. A missing positional argument is
   * undefined; a keyword parameter left out is USE_DEFAULT.
   */
  values: unknown[];
  /** The `caller` keyword argument (a `{% call %}` body), when the call passed one. */
  hasCaller: boolean;
  caller: unknown;
}

/**
 * Builds the signature of a macro (or of a `{% call(params) %}` caller) from its parameters
 * (IR `ParamIR`s: a null `defaultValue` means no default).
 */
export function createMacroSignature(
  params: readonly { name: string; defaultValue: unknown }[],
): MacroSignature {
  const positional: string[] = [];
  const keyword: string[] = [];
  for (const param of params) (param.defaultValue === null ? positional : keyword).push(param.name);
  return { positional, keyword };
}

const NO_KWARGS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

/**
 * Binds call arguments to parameters exactly as nunjucks' `makeMacro` does:
 * - positional arguments fill positional parameters; extra ones fill keyword parameters in order
 *   (overriding a keyword argument of the same name) and any beyond those are dropped;
 * - a positional parameter the call did not reach takes the keyword argument of its name, if any;
 * - a keyword parameter takes its keyword argument if the call has one, even an undefined one,
 *   and its default otherwise;
 * - other keyword arguments are ignored, except `caller`.
 */
export function bindMacroArgs(
  signature: MacroSignature,
  args: readonly unknown[],
  kwargs: Record<string, unknown> | null,
): MacroArguments {
  const given = kwargs ?? NO_KWARGS;
  const { positional, keyword } = signature;
  const values: unknown[] = new Array(positional.length + keyword.length);
  let callerTakenByPosition = false;
  for (let i = 0; i < positional.length; i++) {
    if (i < args.length) {
      values[i] = args[i];
    } else {
      const name = positional[i]!;
      values[i] = hasOwn(given, name) ? given[name] : undefined;
      // nunjucks deletes the keyword it used, so a positional parameter named `caller` eats it.
      if (name === 'caller') callerTakenByPosition = true;
    }
  }
  const overflow = args.length - positional.length;
  for (let j = 0; j < keyword.length; j++) {
    const name = keyword[j]!;
    values[positional.length + j] =
      j < overflow ? args[positional.length + j] : hasOwn(given, name) ? given[name] : USE_DEFAULT;
  }
  const hasCaller = !callerTakenByPosition && hasOwn(given, 'caller');
  return { values, hasCaller, caller: hasCaller ? given.caller : undefined };
}

function hasOwn(record: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}
