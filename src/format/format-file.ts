import { resolveConfig } from 'prettier';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parse } from '../syntax/index.js';
import { formatSource } from './format-source.js';
import { sameTemplate } from './template-shape.js';

/** What formatting one file gave. */
export type FormatFileResult =
  | { status: 'formatted'; output: string }
  /** The file has syntax errors and is not formatted. */
  | { status: 'syntax-error'; diagnostics: readonly Diagnostic[] }
  /**
   * The file mixes `\n`, `\r\n` or `\r`. Prettier turns every line ending into one kind before
   * a plugin sees the text, which would change the prompt text, so the file is not formatted.
   */
  | { status: 'mixed-line-endings' }
  /** The output would not parse to the same template; it is not to be written. */
  | { status: 'changes-template'; output: string };

/**
 * Formats one file's text as `ot fmt` does: with the prettier config that applies to `path`
 * (`.prettierrc`, `.editorconfig`), keeping the file's line endings, and only when the result
 * parses to the same template (same text, same tags modulo whitespace inside them).
 */
export async function formatFile(
  path: string,
  text: string,
  /** Only the tags overlapping these offsets (range formatting), with the same config. */
  range?: { start: number; end: number },
): Promise<FormatFileResult> {
  const errors = parse(text, { path }).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { status: 'syntax-error', diagnostics: errors };
  if (new Set(text.match(/\r\n|\r|\n/g)).size > 1) return { status: 'mixed-line-endings' };
  const config = (await resolveConfig(path, { editorconfig: true })) ?? {};
  // Line endings are prompt text: `ot fmt` never changes them, whatever the config says.
  const output = await formatSource(text, {
    ...config,
    filepath: path,
    endOfLine: 'auto',
    ...(range ? { rangeStart: range.start, rangeEnd: range.end } : {}),
  });
  if (!sameTemplate(text, output, path)) return { status: 'changes-template', output };
  return { status: 'formatted', output };
}
