import { assertNever } from '../assert-never.js';

/** The kinds of template islands: `{% … %}`, `{{ … }}` and `<< … >>`. */
export type IslandKind = 'tag' | 'output' | 'call';

/** A call whose parentheses are open at the cursor, e.g. `generate_text(temperature=0, |`. */
export interface OpenCall {
  /** The name right before `(`, when there is one. */
  callee: string | null;
  /** Positional arguments before the cursor. */
  argIndex: number;
  /** The keyword of the argument at the cursor (`schema` in `schema="…|`), if any. */
  keyword: string | null;
  /** Keywords already given. */
  keywordsGiven: string[];
  /** The first argument when it is a closed string literal (the path of `flow("x.ot", …`). */
  firstString: string | null;
}

/** Where the cursor is, read from the text alone (so it works while the template is broken). */
export type CursorContext =
  | { kind: 'text' }
  | { kind: 'comment' }
  | { kind: 'frontMatter'; lineStart: number; linePrefix: string }
  | {
      kind: 'tagName';
      /** The part of the tag name typed so far, and where it starts. */
      prefix: string;
      prefixStart: number;
    }
  | {
      kind: 'expression';
      island: IslandKind;
      /** The first word of the tag, for tags (`set`, `for`, `if`…). */
      tag: string | null;
      prefix: string;
      prefixStart: number;
      /** The innermost call whose parentheses are open. */
      call: OpenCall | null;
      /** True right after a `.`: an attribute is being typed. */
      afterDot: boolean;
      /** After a dot: the name before it, if it is a plain name (`loop` in `loop.`). */
      dotted: string | null;
      /** True where the block is still before `=` in `<< name = …`: the name may be a new binding. */
      callBlockStart: boolean;
    }
  | { kind: 'filter'; prefix: string; prefixStart: number }
  | { kind: 'test'; prefix: string; prefixStart: number }
  | {
      kind: 'string';
      island: IslandKind;
      tag: string | null;
      /** The string's text before the cursor, and where its content starts. */
      prefix: string;
      contentStart: number;
      quote: string;
      call: OpenCall | null;
      /** True for the path of `{% include "…" %}`. */
      includePath: boolean;
    };

interface Token {
  kind: 'name' | 'string' | 'number' | 'punct';
  text: string;
  start: number;
  end: number;
  /** For strings: false while the closing quote is missing. */
  closed?: boolean;
}

/**
 * What the cursor at `offset` is in. A small scanner finds the island around the cursor (the
 * same delimiters as the lexer: comments, raw blocks, tags, outputs, call blocks, and strings
 * inside them), then reads the island's tokens up to the cursor.
 */
export function cursorContext(text: string, offset: number): CursorContext {
  const bodyStart = frontMatterEnd(text);
  if (bodyStart > 0 && offset < bodyStart) {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    // On the `---` lines themselves there is nothing to complete.
    if (lineStart === 0 || /^---\s*$/.test(text.slice(lineStart, text.indexOf('\n', offset)))) {
      return { kind: 'text' };
    }
    return { kind: 'frontMatter', lineStart, linePrefix: text.slice(lineStart, offset) };
  }
  const island = findIsland(text, bodyStart, offset);
  switch (island.kind) {
    case 'text':
      return { kind: 'text' };
    case 'comment':
      return { kind: 'comment' };
    case 'tag':
    case 'output':
    case 'call':
      return islandContext(text, island.kind, island.contentStart, offset);
    default:
      return assertNever(island);
  }
}

/** The offset where the body starts (after the front matter's closing `---` line), else 0. */
function frontMatterEnd(text: string): number {
  if (!/^---[ \t]*(\r?\n|$)/.test(text)) return 0;
  const close = /^---[ \t]*$/m;
  const firstLineEnd = text.indexOf('\n');
  if (firstLineEnd < 0) return text.length;
  const rest = text.slice(firstLineEnd + 1);
  const match = close.exec(rest);
  if (!match) return text.length;
  const end = firstLineEnd + 1 + match.index + match[0].length;
  return text[end] === '\r' ? end + 2 : text[end] === '\n' ? end + 1 : end;
}

type Island = { kind: 'text' } | { kind: 'comment' } | { kind: IslandKind; contentStart: number };

const closers: Record<IslandKind, string> = { tag: '%}', output: '}}', call: '>>' };

/** Where an island may open: the next `{#`, `{%`, `{{` or `<<`. */
const opener = /\{[#%{]|<</g;

function findIsland(text: string, from: number, offset: number): Island {
  let i = from;
  while (i < offset) {
    opener.lastIndex = i;
    const found = opener.exec(text);
    if (!found || found.index >= offset) return { kind: 'text' };
    i = found.index;
    const two = found[0];
    if (two === '{#') {
      const end = text.indexOf('#}', i + 2);
      if (end < 0 || end + 2 > offset) return { kind: 'comment' };
      i = end + 2;
      continue;
    }
    const kind: IslandKind = two === '{%' ? 'tag' : two === '{{' ? 'output' : 'call';
    const contentStart = text[i + 2] === '-' ? i + 3 : i + 2;
    if (kind === 'tag') {
      const raw = /^\s*(raw|verbatim)\s*-?%\}/.exec(text.slice(contentStart, contentStart + 40));
      if (raw) {
        const close = new RegExp(`\\{%-?\\s*end${raw[1]}\\s*-?%\\}`, 'g');
        close.lastIndex = contentStart;
        const match = close.exec(text);
        const bodyStart = contentStart + raw[0].length;
        if (!match) return offset <= bodyStart ? { kind: 'tag', contentStart } : { kind: 'text' };
        if (offset < match.index) {
          return offset <= bodyStart ? { kind: 'tag', contentStart } : { kind: 'text' };
        }
        i = match.index + match[0].length;
        continue;
      }
    }
    const end = islandEnd(text, contentStart, kind);
    if (end === null || end > offset) return { kind, contentStart };
    i = end;
  }
  return { kind: 'text' };
}

/** The offset just past the island's closing delimiter (strings may hold one), or null. */
function islandEnd(text: string, from: number, kind: IslandKind): number | null {
  const closer = closers[kind];
  let i = from;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'") {
      i = stringEnd(text, i) ?? text.length;
      continue;
    }
    if (text.startsWith(closer, i)) return i + 2;
    if (ch === '-' && text.startsWith(closer, i + 1)) return i + 3;
    i++;
  }
  return null;
}

function stringEnd(text: string, start: number): number | null {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i + 1;
  }
  return null;
}

function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const end = stringEnd(text, i);
      if (end === null || end > to) {
        tokens.push({ kind: 'string', text: text.slice(i, to), start: i, end: to, closed: false });
        return tokens;
      }
      tokens.push({ kind: 'string', text: text.slice(i, end), start: i, end, closed: true });
      i = end;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, Math.min(to, i + 200)));
    if (word) {
      tokens.push({ kind: 'name', text: word[0], start: i, end: i + word[0].length });
      i += word[0].length;
      continue;
    }
    const number = /^[0-9]+(\.[0-9]+)?/.exec(text.slice(i, Math.min(to, i + 100)));
    if (number) {
      tokens.push({ kind: 'number', text: number[0], start: i, end: i + number[0].length });
      i += number[0].length;
      continue;
    }
    const punct = /^(==|!=|<=|>=|\/\/|\*\*)/.exec(text.slice(i, i + 2));
    const length = punct && i + punct[0].length <= to ? punct[0].length : 1;
    tokens.push({ kind: 'punct', text: text.slice(i, i + length), start: i, end: i + length });
    i += length;
  }
  return tokens;
}

function islandContext(
  text: string,
  island: IslandKind,
  contentStart: number,
  offset: number,
): CursorContext {
  const tokens = tokenize(text, contentStart, offset);
  const last = tokens.at(-1);
  const tag = island === 'tag' && tokens[0]?.kind === 'name' ? tokens[0].text : null;
  // The word being typed: a name that ends at the cursor.
  const typing = last && last.kind === 'name' && last.end === offset ? last : null;
  const before = typing ? tokens.slice(0, -1) : tokens;
  const prefix = typing?.text ?? '';
  const prefixStart = typing?.start ?? offset;

  if (island === 'tag' && before.length === 0) {
    return { kind: 'tagName', prefix, prefixStart };
  }
  const call = openCall(before);
  if (last && last.kind === 'string' && last.closed === false) {
    const quoteIndex = tokens.length - 1;
    return {
      kind: 'string',
      island,
      tag,
      prefix: last.text.slice(1),
      contentStart: last.start + 1,
      quote: last.text[0]!,
      call: openCall(tokens.slice(0, quoteIndex)),
      includePath: tag === 'include' && quoteIndex === 1,
    };
  }
  const previous = before.at(-1);
  if (previous?.text === '|') return { kind: 'filter', prefix, prefixStart };
  if (previous?.text === 'is' || (previous?.text === 'not' && before.at(-2)?.text === 'is')) {
    return { kind: 'test', prefix, prefixStart };
  }
  return {
    kind: 'expression',
    island,
    tag,
    prefix,
    prefixStart,
    call,
    afterDot: previous?.text === '.',
    dotted: previous?.text === '.' && before.at(-2)?.kind === 'name' ? before.at(-2)!.text : null,
    callBlockStart: island === 'call' && before.length === 0,
  };
}

/** The innermost call whose `(` is still open after these tokens, with where its arguments stand. */
function openCall(tokens: readonly Token[]): OpenCall | null {
  const stack: {
    callee: string | null;
    argIndex: number;
    keyword: string | null;
    given: string[];
    call: boolean;
    firstString: string | null;
  }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'punct') continue;
    const top = stack.at(-1);
    switch (token.text) {
      case '(': {
        const prev = tokens[i - 1];
        stack.push({
          callee: prev?.kind === 'name' ? prev.text : null,
          argIndex: 0,
          keyword: null,
          given: [],
          call: prev?.kind === 'name' || prev?.text === ')' || prev?.text === ']',
          firstString: stringValue(tokens[i + 1], tokens[i + 2]),
        });
        break;
      }
      case '[':
      case '{':
        stack.push({
          callee: null,
          argIndex: 0,
          keyword: null,
          given: [],
          call: false,
          firstString: null,
        });
        break;
      case ')':
      case ']':
      case '}':
        stack.pop();
        break;
      case ',':
        if (top) {
          if (top.keyword === null) top.argIndex++;
          top.keyword = null;
        }
        break;
      case '=': {
        const prev = tokens[i - 1];
        const beforePrev = tokens[i - 2];
        if (
          top?.call &&
          prev?.kind === 'name' &&
          (beforePrev?.text === '(' || beforePrev?.text === ',')
        ) {
          top.keyword = prev.text;
          top.given.push(prev.text);
        }
        break;
      }
      default:
        break;
    }
  }
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i]!;
    if (frame.call) {
      return {
        callee: frame.callee,
        argIndex: frame.argIndex,
        keyword: frame.keyword,
        keywordsGiven: frame.given,
        firstString: frame.firstString,
      };
    }
    // Inside a list or dict literal that is itself an argument: the call is further out.
    return null;
  }
  return null;
}

/** The value of a closed string literal followed by `,` or `)` (a whole argument), else null. */
function stringValue(token: Token | undefined, next: Token | undefined): string | null {
  if (token?.kind !== 'string' || token.closed !== true) return null;
  if (next && next.text !== ',' && next.text !== ')') return null;
  return token.text.slice(1, -1).replace(/\\(.)/g, '$1');
}
