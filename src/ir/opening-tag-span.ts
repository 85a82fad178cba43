import type { Span } from '../source/span.js';
import type { TagDelimiter } from '../syntax/ast.js';

/** The span of a block's opening tag (`{% fork %}`), where errors about the whole block point. */
export function openingTagSpan(node: { tags: TagDelimiter[]; span: Span }): Span {
  return node.tags[0]?.span ?? node.span;
}
