import { assertNever } from '../assert-never.js';
import { formatLocation, positionAt, type SourceFile } from '../source/source-file.js';
import type { Span } from '../source/span.js';
import type { Dependency, DependencyReason } from './plan-types.js';

/** The files of a program, for turning spans into lines and columns. */
export type PlanSources = Readonly<Record<string, SourceFile>>;

/** `file:line:col` of an offset (raw offsets when the file's text is not known). */
export function locate(sources: PlanSources, file: string, offset: number): string {
  const source = sources[file];
  return source ? formatLocation(source, offset) : `${file}@${offset}`;
}

/** The 1-based start and end positions of a span. */
export function rangeOf(sources: PlanSources, file: string, span: Span) {
  const source = sources[file];
  if (!source) return null;
  return { start: positionAt(source, span.start), end: positionAt(source, span.end) };
}

/** One reason in words: `variable city`, `prefix`, `condition on answer`. */
export function describeReason(reason: DependencyReason): string {
  switch (reason.kind) {
    case 'variable':
      return `variable ${reason.name}`;
    case 'argument':
      return 'argument';
    case 'prefix':
      return 'prefix';
    case 'condition':
      return reason.names.length > 0 ? `condition on ${reason.names.join(', ')}` : 'condition';
    case 'loop list':
      return reason.names.length > 0 ? `loop list ${reason.names.join(', ')}` : 'loop list';
    case 'fork':
      return reason.names.length > 0 ? `fork list ${reason.names.join(', ')}` : 'fork list';
    case 'flow input':
      return `flow input ${reason.name}`;
    default:
      return assertNever(reason);
  }
}

/** A wait in words: `c1 (variable city, prefix)`, `c3 of the previous iteration (prefix)`. */
export function describeDependency(dependency: Dependency): string {
  const when = dependency.previousIteration ? ' of the previous iteration' : '';
  return `${dependency.call}${when} (${dependency.reasons.map(describeReason).join(', ')})`;
}
