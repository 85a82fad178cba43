import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { OtError } from '../diagnostics/ot-error.js';
import type { Span } from '../source/span.js';

/** Where a failed template call stands: the file and its 1-based line and column. */
export interface CallLocation {
  file: string;
  line: number;
  column: number;
}

/** What a CallError is built from. */
export interface CallErrorInit {
  /** The builtin in the language's spelling (`generate_text`, `select`, …). */
  builtin: string;
  /** The backend's name, or `none` when no backend was found. */
  backend: string;
  /** The call site of a template call (file and span) and its `file:line:col`; null from TypeScript. */
  site: { file: string; span: Span; location: string } | null;
  /** The error the call failed with (a BackendError, InvalidReplyError, …). */
  cause: unknown;
}

/**
 * A model call that failed (OT4004), from a template or from `llm.*`: names the builtin, the
 * backend and, for a template call, its `file:line:col`; `cause` is what failed underneath (a
 * `BackendError` with its status, an `InvalidReplyError`, an `UnsupportedArgumentError`, …).
 */
export class CallError extends OtError {
  readonly builtin: string;
  readonly backend: string;
  /** The call site in a `.ot` file; null for a call made from TypeScript. */
  readonly location: CallLocation | null;

  constructor(init: CallErrorInit) {
    const reason = init.cause instanceof Error ? init.cause.message : String(init.cause);
    // A TypeScript call has no file: the diagnostic names the builtin where a file would be.
    const file = init.site?.file ?? init.builtin;
    const span = init.site?.span ?? { start: 0, end: 0 };
    super(
      [
        createDiagnostic('OT4004', file, span, {
          builtin: init.builtin,
          backend: init.backend,
          cause: reason,
        }),
      ],
      { cause: init.cause },
    );
    this.name = 'CallError';
    this.builtin = init.builtin;
    this.backend = init.backend;
    this.location = init.site ? parseLocation(init.site.location) : null;
  }
}

/** `flow.ot:3:5` as its parts; a site whose source is unknown has only its file. */
function parseLocation(location: string): CallLocation {
  const match = /^(.*):(\d+):(\d+)$/.exec(location);
  return match
    ? { file: match[1]!, line: Number(match[2]), column: Number(match[3]) }
    : { file: location, line: 0, column: 0 };
}
