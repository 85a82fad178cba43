import { isNode, type Document } from 'yaml';
import type { Span } from '../source/span.js';
import { createSpan } from '../source/span.js';
import type { Report } from './lower-context.js';

/** The parsed YAML of a front matter block and how to point from its nodes back into the file. */
export interface FrontMatterContext {
  doc: Document.Parsed;
  report: Report;
  /** The file span of a YAML node; `fallback` when the node has no position (an empty value). */
  spanOf: (node: unknown, fallback: Span) => Span;
  /** The plain value of a YAML node; reports and returns undefined when it cannot be built. */
  valueOf: (node: unknown, fallback: Span) => unknown;
}

/** Builds the context; `base` is the offset of the YAML text in the file. */
export function createFrontMatterContext(
  doc: Document.Parsed,
  base: number,
  report: Report,
): FrontMatterContext {
  const spanOf = (node: unknown, fallback: Span): Span => {
    const range = isNode(node) ? node.range : null;
    if (!range) return fallback;
    return createSpan(base + range[0], base + range[1]);
  };
  const valueOf = (node: unknown, fallback: Span): unknown => {
    if (!isNode(node)) return node ?? null;
    try {
      return node.toJS(doc);
    } catch (error) {
      // e.g. an alias to an anchor that does not exist.
      report('OT2004', spanOf(node, fallback), {
        reason: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    }
  };
  return { doc, report, spanOf, valueOf };
}
