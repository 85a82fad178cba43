/**
 * The one catalog of diagnostic codes. Codes are never renumbered or reused: add new ones at the
 * end of their range. Messages take named arguments written `{name}`.
 *
 * Ranges: OT1xxx syntax, OT2xxx semantic (lowering and checks), OT3xxx plan, OT4xxx runtime.
 */
export const diagnosticCatalog = {
  // --- OT1xxx: syntax -------------------------------------------------------------------------
  OT1001: { severity: 'error', message: 'unexpected {found}; expected {expected}' },
  OT1002: { severity: 'error', message: 'unclosed {what}: missing {expected}' },
  OT1003: { severity: 'error', message: 'unknown tag `{name}`' },
  OT1004: { severity: 'error', message: '`{found}` does not close any open tag' },
  OT1005: { severity: 'error', message: '`{tag}` closed by `{found}`; expected {expected}' },
  OT1006: { severity: 'error', message: 'unterminated string literal' },
  OT1007: { severity: 'error', message: 'unterminated comment: missing `#}`' },
  OT1008: { severity: 'error', message: 'unterminated front matter: missing closing `---`' },
  OT1009: { severity: 'error', message: 'invalid character {found}' },
  OT1010: { severity: 'error', message: 'unterminated `{tag}` block: missing `{% {expected} %}`' },
  OT1011: { severity: 'error', message: 'nesting is too deep (more than {limit} levels)' },
  OT1012: { severity: 'error', message: '`{% {tag} %}` outside {where}' },
  OT1013: { severity: 'error', message: 'the parser failed ({reason}); please report this' },
  OT1014: {
    severity: 'error',
    message: 'and {count} more {what} in this file (only the first {limit} are reported)',
  },
  OT1015: {
    severity: 'info',
    message: 'and {count} more {what} in this file (only the first {limit} are reported)',
  },
  OT1016: {
    severity: 'error',
    message: 'the file is too large to parse: {size} characters (at most {limit})',
  },
  OT1017: {
    severity: 'error',
    message: 'the file has too many tokens to parse (more than {limit}); it is not parsed',
  },

  // --- OT2xxx: semantic -----------------------------------------------------------------------
  OT2001: { severity: 'error', message: 'unknown builtin `{name}`' },
  OT2002: {
    severity: 'error',
    message: 'builtin `{name}` called outside a call block; write `<< {name}(…) >>`',
  },
  OT2003: { severity: 'warning', message: 'undefined variable `{name}`' },
  OT2004: { severity: 'error', message: 'invalid front matter: {reason}' },
  OT2005: { severity: 'warning', message: 'unknown front matter key `{key}`' },
  OT2006: { severity: 'error', message: 'unknown filter `{name}`' },
  OT2007: { severity: 'error', message: '`{% {tag} %}` is not supported in .ot templates' },
  OT2008: { severity: 'error', message: '{builtin}: {reason}' },
  OT2009: { severity: 'warning', message: 'input `{name}` shadows the builtin of the same name' },
  OT2010: { severity: 'error', message: 'unknown test `{name}`' },
  OT2011: { severity: 'error', message: 'unknown schema `{name}`; declared schemas: {known}' },
  OT2012: { severity: 'error', message: '{reason}' },
  OT2013: { severity: 'error', message: 'cannot read included file `{path}`: {reason}' },
  OT2014: { severity: 'error', message: 'cannot read file `{path}`: {reason}' },
  OT2015: {
    severity: 'error',
    message: 'cannot bind `{name}`: the name is reserved (it leads into JavaScript internals)',
  },
  OT2016: {
    severity: 'error',
    message:
      'input `{name}` is not allowed: the name is reserved (it leads into JavaScript internals)',
  },
  OT2017: { severity: 'error', message: 'access to variable `{name}` is not allowed' },
  OT2018: {
    severity: 'error',
    message:
      '{what} path `{path}` leaves the project: `{resolved}` is outside {roots} (add its directory to `include_roots` in ot.config.yaml to allow it)',
  },
  OT2019: {
    severity: 'error',
    message:
      '{what} with a computed path: a file chosen by an input or variable is refused unless ot.config.yaml sets `allow_dynamic_paths: true`',
  },
  OT2020: { severity: 'error', message: '{what} cycle: {cycle}' },
  OT2024: { severity: 'error', message: 'invalid eval file: {reason}' },
  OT2025: { severity: 'error', message: 'scorer `{name}`: {reason}' },
  OT2026: { severity: 'error', message: 'cannot read {what} `{path}`: {reason}' },
  OT2027: { severity: 'error', message: 'cannot read image `{path}`: {reason}' },

  // --- OT3xxx: plan and code generation -------------------------------------------------------
  OT3001: {
    severity: 'warning',
    message: '`flow()` with a computed path: the calls of the file it runs are not in the plan',
  },
  OT3002: {
    severity: 'warning',
    message: '`include` with a computed path: the calls of the included file are not in the plan',
  },
  OT3003: {
    severity: 'warning',
    message: '{what} `{name}` reaches itself: its calls are planned once',
  },
  OT3004: {
    severity: 'warning',
    message: '{what} with a computed path: a compiled module can only run files compiled into it',
  },

  // --- OT4xxx: runtime ------------------------------------------------------------------------
  OT4001: { severity: 'error', message: 'access to property `{name}` is not allowed' },
  OT4002: { severity: 'error', message: 'missing required input `{name}`' },
  OT4003: { severity: 'error', message: 'input `{name}` {reason}' },
  OT4004: { severity: 'error', message: '{builtin} on backend `{backend}` failed: {cause}' },
  OT4005: { severity: 'error', message: '{reason}' },
  OT4006: { severity: 'error', message: 'run cancelled' },
  OT4007: { severity: 'error', message: 'cannot call `{name}`: it is {what}' },
  OT4008: { severity: 'error', message: 'cannot use `in` to search for {key} in {container}' },
  OT4009: { severity: 'error', message: 'filter `{name}` failed: {reason}' },
  OT4010: { severity: 'error', message: 'test `{name}` failed: {reason}' },
  OT4011: { severity: 'error', message: 'cannot unpack {value} into {count} loop variables' },
  OT4012: { severity: 'error', message: 'cannot slice {what}' },
  OT4013: { severity: 'error', message: 'cannot convert a circular value to JSON' },
  OT4021: {
    severity: 'error',
    message: '`{name}` is not an input of `{file}`;{hint} its inputs: {known}',
  },
  OT4016: { severity: 'error', message: '{what} of `{path}` refused: {reason}' },
  OT4017: { severity: 'error', message: '{what} cycle: {cycle}' },
  OT4030: { severity: 'error', message: 'scorer `{name}` failed: {reason}' },
  OT4031: {
    severity: 'error',
    message: 'scorer `{name}`: {what} gave {value}; expected a number in [0, 1] or a boolean',
  },
  OT4026: { severity: 'error', message: 'the queue {queue} cannot be reached: {reason}' },
  OT4040: {
    severity: 'error',
    message: '{builtin}: backend `{backend}` does not take images',
  },
  OT4041: { severity: 'error', message: 'image `{source}` refused: {reason}' },
  OT4045: {
    severity: 'error',
    message: 'an image is not text: `image({source})` cannot be used {where}',
  },
  OT4046: { severity: 'error', message: 'image `{source}` cannot be read: {reason}' },
  OT4047: { severity: 'error', message: '{builtin}: cannot send the image `{source}`: {reason}' },
  OT4027: { severity: 'error', message: 'the queued run was lost by the workers: {reason}' },
  OT4028: { severity: 'error', message: 'the worker cannot start: {reason}' },
} as const satisfies Record<string, { severity: Severity; message: string }>;

/** How serious a diagnostic is; only errors stop a run or fail `ot check`. */
export type Severity = 'error' | 'warning' | 'info';

/** A code from the catalog, e.g. `OT1001`. */
export type DiagnosticCode = keyof typeof diagnosticCatalog;
