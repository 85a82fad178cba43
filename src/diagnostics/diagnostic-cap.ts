import type { Span } from '../source/span.js';
import { diagnosticCatalog, type DiagnosticCode, type Severity } from './catalog.js';
import { createDiagnostic, type Diagnostic, type DiagnosticArgs } from './diagnostic.js';

/**
 * How many diagnostics one file reports; the rest are counted in one closing note, as compilers
 * do. A hostile file (a megabyte of `{`) would otherwise make half a million diagnostics that
 * every later phase sorts, prints and sends to the editor.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 100;

/** How many diagnostics of each severity were left out. */
export interface HiddenCounts {
  error: number;
  warning: number;
  info: number;
}

/**
 * A list of one file's diagnostics that keeps the first `limit` and only counts the others, so a
 * phase past the limit allocates nothing per problem. `report` builds the diagnostic only when
 * it will be kept.
 */
export interface CappedDiagnostics {
  readonly limit: number;
  readonly kept: Diagnostic[];
  readonly hidden: HiddenCounts;
  /** Keeps `diagnostic`, or counts it once the list is full (notes are merged, not kept). */
  add(diagnostic: Diagnostic): void;
  /** Builds and keeps a diagnostic from the catalog, or only counts it once the list is full. */
  report(code: DiagnosticCode, file: string, span: Span, args?: DiagnosticArgs): void;
}

/** Creates an empty capped list. */
export function createCappedDiagnostics(limit = MAX_DIAGNOSTICS_PER_FILE): CappedDiagnostics {
  const kept: Diagnostic[] = [];
  const hidden: HiddenCounts = { error: 0, warning: 0, info: 0 };
  let real = 0;
  return {
    limit,
    kept,
    hidden,
    add(diagnostic) {
      if (isCapNote(diagnostic)) {
        addCounts(hidden, noteCounts(diagnostic));
        return;
      }
      if (real < limit) {
        real++;
        kept.push(diagnostic);
      } else hidden[diagnostic.severity]++;
    },
    report(code, file, span, args) {
      if (real < limit) {
        real++;
        kept.push(createDiagnostic(code, file, span, args));
      } else hidden[diagnosticCatalog[code].severity]++;
    },
  };
}

/**
 * The first `limit` diagnostics of one file in the order given (callers sort by position first),
 * then one note counting everything left out: the ones past the limit and those that earlier
 * notes (of a phase that capped its own list) already counted.
 */
export function capDiagnostics(
  diagnostics: readonly Diagnostic[],
  file: string,
  limit = MAX_DIAGNOSTICS_PER_FILE,
  hidden: HiddenCounts = { error: 0, warning: 0, info: 0 },
): Diagnostic[] {
  const list = createCappedDiagnostics(limit);
  addCounts(list.hidden, hidden);
  for (const diagnostic of diagnostics) list.add(diagnostic);
  return finishCapped(list, file);
}

/** The kept diagnostics, followed by the note when anything was left out. */
export function finishCapped(list: CappedDiagnostics, file: string): Diagnostic[] {
  const note = capNote(list.hidden, list.limit, file, list.kept.at(-1)?.span);
  return note === null ? list.kept : [...list.kept, note];
}

/** True for the closing "and N more" note. */
export function isCapNote(diagnostic: Diagnostic): boolean {
  return diagnostic.code === 'OT1014' || diagnostic.code === 'OT1015';
}

/** How many diagnostics a closing note stands for, by severity. */
export function noteCounts(note: Diagnostic): HiddenCounts {
  return {
    error: Number(note.args.errors ?? 0),
    warning: Number(note.args.warnings ?? 0),
    info: Number(note.args.infos ?? 0),
  };
}

/**
 * The note saying how many diagnostics were left out, or null when none were. It is an error
 * (OT1014) when an error was left out, so that a file whose first hundred problems are warnings
 * still fails `ot check` and does not run; otherwise it is a note (OT1015). It points at the end
 * of the last diagnostic shown, where the hidden ones begin.
 */
function capNote(
  hidden: HiddenCounts,
  limit: number,
  file: string,
  last: Span | undefined,
): Diagnostic | null {
  const count = hidden.error + hidden.warning + hidden.info;
  if (count === 0) return null;
  const at = last?.end ?? 0;
  const severity: Severity = hidden.error > 0 ? 'error' : 'info';
  return createDiagnostic(
    severity === 'error' ? 'OT1014' : 'OT1015',
    file,
    { start: at, end: at },
    {
      count,
      what: describeHidden(hidden),
      limit,
      errors: hidden.error,
      warnings: hidden.warning,
      infos: hidden.info,
    },
  );
}

function describeHidden(hidden: HiddenCounts): string {
  const kinds = [
    hidden.error > 0 ? 'errors' : null,
    hidden.warning > 0 ? 'warnings' : null,
    hidden.info > 0 ? 'notes' : null,
  ].filter((kind) => kind !== null);
  return kinds.length === 1 ? kinds[0]! : 'diagnostics';
}

function addCounts(into: HiddenCounts, more: HiddenCounts): void {
  into.error += more.error;
  into.warning += more.warning;
  into.info += more.info;
}
