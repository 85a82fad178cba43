import { diagnosticCatalog, type DiagnosticCode } from '../../diagnostics/catalog.js';
import type { DiagnosticArgs } from '../../diagnostics/diagnostic.js';

/**
 * An error raised by a Jinja value helper. It carries a diagnostic code and its arguments but
 * no span: the interpreter (or generated code) knows where the expression is and turns it into
 * a located diagnostic.
 */
export class JinjaError extends Error {
  readonly code: DiagnosticCode;
  readonly args: DiagnosticArgs;

  constructor(code: DiagnosticCode, args: DiagnosticArgs = {}, options?: { cause?: unknown }) {
    super(formatMessage(code, args), options);
    this.name = 'JinjaError';
    this.code = code;
    this.args = args;
  }
}

/** Narrowing helper that also works across duplicated module copies (a bundled runtime). */
export function isJinjaError(value: unknown): value is JinjaError {
  return value instanceof JinjaError || (value instanceof Error && value.name === 'JinjaError');
}

/** Any error thrown while evaluating template code, as a JinjaError (unknown ones become OT4005). */
export function toJinjaError(error: unknown): JinjaError {
  if (isJinjaError(error)) return error;
  return new JinjaError('OT4005', { reason: errorReason(error) }, { cause: error });
}

/** The human part of an error thrown by JavaScript or by nunjucks' own helpers. */
export function errorReason(error: unknown): string {
  if (error instanceof Error) {
    // nunjucks' TemplateError prefixes "(unknown path)\n  " once it has been "updated"; ours never are.
    return error.message;
  }
  return String(error);
}

function formatMessage(code: DiagnosticCode, args: DiagnosticArgs): string {
  const template: string = diagnosticCatalog[code].message;
  return `${code}: ${template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole))}`;
}
