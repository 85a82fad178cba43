import type { CustomPatternMatcherReturn } from 'chevrotain';

/**
 * Hand-written matchers for the tokens that regular expressions express badly or slowly:
 * template text, comments, raw blocks, front matter and strings. Each one scans forward with
 * `charCodeAt`/`indexOf` only, so lexing stays linear on any input.
 */

const LF = 10;
const CR = 13;
const HASH = 35;
const PERCENT = 37;
const LESS = 60;
const GREATER = 62;
const DASH = 45;
const BACKSLASH = 92;
const LBRACE = 123;
const RBRACE = 125;
const BOM = 0xfeff;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

/** What the lexer learns about a front matter block. */
export interface FrontMatterPayload {
  /** Where the YAML starts (after the first line) and ends (before the closing `---`). */
  sourceStart: number;
  sourceEnd: number;
  /** The end of the closing `---` (the line break after it belongs to the token, not the node). */
  closeEnd: number;
  terminated: boolean;
}

/** What the lexer learns about a raw block. */
export interface RawBlockPayload {
  /** `raw` or `verbatim`. */
  name: string;
  /** The end of the opening tag, where the literal content starts. */
  openEnd: number;
  /** The start and end of the closing tag (both the end of the file when it is missing). */
  closeStart: number;
  closeEnd: number;
  terminated: boolean;
}

/** Set on comments and on strings that reach the end of their line without a closing quote. */
export interface TerminationPayload {
  terminated: boolean;
}

function result(image: string, payload?: unknown): CustomPatternMatcherReturn {
  const match = [image] as CustomPatternMatcherReturn;
  if (payload !== undefined) match.payload = payload;
  return match;
}

/** A byte order mark, only as the first character of the file. */
export function matchBom(text: string, offset: number): CustomPatternMatcherReturn | null {
  return offset === 0 && text.charCodeAt(0) === BOM ? result('\uFEFF') : null;
}

/** The end of the line break at `index`, or -1 when there is none. */
function lineBreakEnd(text: string, index: number): number {
  const ch = text.charCodeAt(index);
  if (ch === LF) return index + 1;
  if (ch === CR) return text.charCodeAt(index + 1) === LF ? index + 2 : index + 1;
  return -1;
}

/** True when `index` starts a line that is exactly `---`. */
function isFenceLine(text: string, index: number): boolean {
  if (!text.startsWith('---', index)) return false;
  const after = index + 3;
  return after === text.length || lineBreakEnd(text, after) !== -1;
}

/**
 * Front matter: the file starts (after an optional BOM) with a line `---`, and the YAML runs to
 * the next line that is exactly `---`. Without that closing line the block runs to the end.
 */
export function matchFrontMatter(text: string, offset: number): CustomPatternMatcherReturn | null {
  const atStart = offset === 0 || (offset === 1 && text.charCodeAt(0) === BOM);
  if (!atStart || !isFenceLine(text, offset)) return null;
  const sourceStart = offset + 3 === text.length ? text.length : lineBreakEnd(text, offset + 3);
  let lineStart = sourceStart;
  while (lineStart < text.length) {
    if (isFenceLine(text, lineStart)) {
      const closeEnd = lineStart + 3;
      const end = closeEnd === text.length ? closeEnd : lineBreakEnd(text, closeEnd);
      const payload: FrontMatterPayload = {
        sourceStart,
        sourceEnd: lineStart,
        closeEnd,
        terminated: true,
      };
      return result(text.slice(offset, end), payload);
    }
    lineStart = nextLineStart(text, lineStart);
  }
  const payload: FrontMatterPayload = {
    sourceStart,
    sourceEnd: text.length,
    closeEnd: text.length,
    terminated: false,
  };
  return result(text.slice(offset), payload);
}

function nextLineStart(text: string, index: number): number {
  for (let i = index; i < text.length; i++) {
    const end = lineBreakEnd(text, i);
    if (end !== -1) return end;
  }
  return text.length;
}

/** Template text: everything up to `{{`, `{%`, `{#`, `<<`, a stray `#}`, or the end. */
export function matchText(text: string, offset: number): CustomPatternMatcherReturn | null {
  const length = text.length;
  let i = offset;
  while (i < length) {
    const ch = text.charCodeAt(i);
    if (ch === LBRACE) {
      const next = text.charCodeAt(i + 1);
      if (next === LBRACE || next === PERCENT || next === HASH) break;
    } else if (ch === LESS) {
      if (text.charCodeAt(i + 1) === LESS) break;
    } else if (ch === HASH) {
      if (text.charCodeAt(i + 1) === RBRACE) break;
    }
    i++;
  }
  return i > offset ? result(text.slice(offset, i)) : null;
}

/** `{# … #}`; an unterminated comment runs to the end of the file. */
export function matchComment(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== LBRACE || text.charCodeAt(offset + 1) !== HASH) return null;
  const close = text.indexOf('#}', offset + 2);
  if (close === -1) return result(text.slice(offset), { terminated: false });
  return result(text.slice(offset, close + 2), { terminated: true });
}

// nunjucks skips these characters inside tags.
const TAG_SPACE = '[ \\t\\r\\n\\u00A0]*';
const RAW_OPEN = new RegExp(`\\{%-?${TAG_SPACE}(raw|verbatim)${TAG_SPACE}-?%\\}`, 'y');
const RAW_INNER: Record<string, RegExp> = {
  raw: /\{%-?\s*(raw|endraw)\s*-?%\}/g,
  verbatim: /\{%-?\s*(verbatim|endverbatim)\s*-?%\}/g,
};

/**
 * `{% raw %}…{% endraw %}`: the content is literal up to the matching end tag. Nested raw tags
 * are counted as nunjucks counts them; unlike nunjucks, the inner tags may use `-`.
 */
export function matchRawBlock(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== LBRACE || text.charCodeAt(offset + 1) !== PERCENT) return null;
  RAW_OPEN.lastIndex = offset;
  const open = RAW_OPEN.exec(text);
  if (open === null) return null;
  const name = open[1]!;
  const openEnd = offset + open[0].length;
  const inner = RAW_INNER[name]!;
  inner.lastIndex = openEnd;
  let level = 1;
  for (let match = inner.exec(text); match !== null; match = inner.exec(text)) {
    level += match[1] === name ? 1 : -1;
    if (level === 0) {
      const closeEnd = match.index + match[0].length;
      const payload: RawBlockPayload = {
        name,
        openEnd,
        closeStart: match.index,
        closeEnd,
        terminated: true,
      };
      return result(text.slice(offset, closeEnd), payload);
    }
  }
  const payload: RawBlockPayload = {
    name,
    openEnd,
    closeStart: text.length,
    closeEnd: text.length,
    terminated: false,
  };
  return result(text.slice(offset), payload);
}

/**
 * A string literal. Like nunjucks, a string runs to the next unescaped quote of its kind, even
 * across lines and tag delimiters. Without one, it stops at the end of its line or at a closing
 * delimiter, so that the rest of the file still parses.
 */
export function matchString(text: string, offset: number): CustomPatternMatcherReturn | null {
  const quote = text.charCodeAt(offset);
  if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) return null;
  const length = text.length;
  for (let i = offset + 1; i < length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === quote) return result(text.slice(offset, i + 1));
    if (ch === BACKSLASH) i++;
  }
  let end = offset + 1;
  while (end < length && !endsUnterminatedString(text, end)) {
    end += text.charCodeAt(end) === BACKSLASH ? 2 : 1;
  }
  return result(text.slice(offset, Math.min(end, length)), { terminated: false });
}

function endsUnterminatedString(text: string, index: number): boolean {
  const ch = text.charCodeAt(index);
  if (ch === LF || ch === CR) return true;
  // Stop before `-%}` too, so that the closer keeps its whitespace control.
  const at = ch === DASH ? index + 1 : index;
  return isCloser(text.charCodeAt(at), text.charCodeAt(at + 1));
}

function isCloser(first: number, second: number): boolean {
  return (
    (first === PERCENT && second === RBRACE) ||
    (first === RBRACE && second === RBRACE) ||
    (first === GREATER && second === GREATER)
  );
}
