import type { CompletionRequest, ImageData } from '../backend.js';

/** A compiled `match`: a substring, or a regular expression written `/source/flags`. */
export type Matcher = { kind: 'substring'; text: string } | { kind: 'regex'; regex: RegExp };

// Only real flag letters, so a path such as "/usr/bin" stays a substring.
const REGEX_FORM = /^\/(.+)\/([dgimsuvy]*)$/s;

/**
 * Compiles a `match` string; throws SyntaxError for a malformed regex. The `g` and `y` flags are
 * dropped: they make `test` remember `lastIndex` between calls, which would make matching depend
 * on call history.
 */
export function compileMatch(match: string): Matcher {
  const form = REGEX_FORM.exec(match);
  if (!form) return { kind: 'substring', text: match };
  const flags = (form[2] ?? '').replace(/[gy]/g, '');
  return { kind: 'regex', regex: new RegExp(form[1] ?? '', flags) };
}

/** True when the matcher finds its pattern in `text`. */
export function matches(matcher: Matcher, text: string): boolean {
  return matcher.kind === 'substring' ? text.includes(matcher.text) : matcher.regex.test(text);
}

/**
 * The text rules match: the prompt, or for chat calls the messages as `role: content` lines,
 * each image of a message after its text as ` [image image/png sha256:<first 12 hex>]` (or
 * ` [image <url>]`), so a rule can match a picture by its digest.
 */
export function matchText(request: Pick<CompletionRequest, 'prompt' | 'messages'>): string {
  if (request.prompt !== null) return request.prompt;
  return (request.messages ?? [])
    .map((m) => `${m.role}: ${m.content}${(m.images ?? []).map(imageText).join('')}`)
    .join('\n');
}

function imageText(image: ImageData): string {
  return image.kind === 'bytes'
    ? ` [image ${image.mediaType} sha256:${image.sha256.slice(0, 12)}]`
    : ` [image ${image.url}]`;
}

/**
 * The text `match_last` rules match: for a prompt taken from a template's prefix, the part
 * rendered since the previous call's reply (the whole prompt when no call came before, or when
 * the prompt was given explicitly); for chat calls, the content of the last user message (empty
 * when there is none). An `instruct` on the prefix matches like a prompt call.
 */
export function lastTurnText(
  request: Pick<CompletionRequest, 'prompt' | 'messages' | 'lastTurn'>,
): string {
  if (request.lastTurn !== undefined && request.lastTurn !== null) return request.lastTurn;
  if (request.prompt !== null) return request.prompt;
  const users = (request.messages ?? []).filter((m) => m.role === 'user');
  return users[users.length - 1]?.content ?? '';
}
