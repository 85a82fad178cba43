/**
 * The part of a long source line a code frame shows, as rustc and esbuild cut long lines: a
 * window around the span's start with `…` where the line goes on, so a diagnostic on a
 * megabyte-long line prints a hundred-odd characters, not the line.
 */

/** How many characters of a line a code frame shows at most (without the `…` markers). */
export const MAX_FRAME_WIDTH = 120;

/** How many characters before the span's start stay visible when a line is cut. */
const LEAD = 40;

/**
 * The shown columns: `[start, end)` in UTF-16 code units from a line's start. The lines above the
 * error line show the same columns, cut to their own length.
 */
export interface LineWindow {
  start: number;
  end: number;
}

/** The window of a line of `length` code units that shows column `caret` (0-based). */
export function lineWindow(length: number, caret: number): LineWindow {
  const start = Math.max(0, Math.min(caret - LEAD, length - MAX_FRAME_WIDTH));
  return { start, end: start + MAX_FRAME_WIDTH };
}

/** The line's text inside `window`, with `…` on each side where the line goes on. */
export function windowText(
  text: string,
  lineStart: number,
  length: number,
  window: LineWindow,
): string {
  let from = Math.min(window.start, length);
  let to = Math.min(window.end, length);
  // Never cut a surrogate pair in two: half a character would print as garbage.
  if (from > 0 && from < length && isLowSurrogate(text.charCodeAt(lineStart + from))) from++;
  if (to < length && isLowSurrogate(text.charCodeAt(lineStart + to))) to--;
  const shown = text.slice(lineStart + from, lineStart + to);
  return `${from > 0 ? '…' : ''}${shown}${to < length ? '…' : ''}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
