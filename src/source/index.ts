export type { Span } from './span.js';
export { createSpan, joinSpans } from './span.js';
export type { SourceFile, Position } from './source-file.js';
export { createSourceFile, positionAt, offsetAt, formatLocation } from './source-file.js';
