import type { Span } from '../../source/span.js';
import { hideSource } from './function-text.js';
import { splitKeywordArgs } from './call.js';
import { JinjaError } from './jinja-error.js';

/** Where a template's `image(…)` call stands, and whether its source is a literal string. */
export interface ImageSite {
  file: string;
  span: Span;
  /** A literal path is the author's; a computed one is data's and needs `allow_dynamic_paths`. */
  literal: boolean;
}

/**
 * The value of `image(source, media_type=none)` in a `.ot` file: nothing is read until `{{ }}`
 * places it in the output. It is not text: converting it to a string (`~`, `+`, a filter,
 * `tojson`, a capture) is OT4045, never a silently dropped picture.
 */
export class TemplateImage {
  constructor(
    readonly source: string,
    readonly mediaType: string | null,
    /** Set by the call that made it (null only between the global and the call's stamp). */
    readonly site: ImageSite | null,
  ) {}

  [Symbol.toPrimitive](): never {
    throw notText(this.source, 'as text (`~`, `+`, a filter or a string method)');
  }

  toJSON(): never {
    throw notText(this.source, 'as JSON');
  }
}

/** OT4045 for the image of `source` used where text is needed; `where` says where. */
export function notText(source: string, where: string): JinjaError {
  return new JinjaError('OT4045', { source: JSON.stringify(source), where });
}

/**
 * The `image` global: `image(source, media_type=none)` with an `http(s):` or `data:` URL or a
 * path relative to the calling file. Wrong arguments fail here, where the call is.
 */
export const imageGlobal = hideSource(function image(...callArgs: unknown[]): TemplateImage {
  const { args, kwargs } = splitKeywordArgs(callArgs);
  const source = args.length > 0 ? args[0] : kwargs?.source;
  const mediaType = args.length > 1 ? args[1] : kwargs?.media_type;
  const unknown = Object.keys(kwargs ?? {}).filter((k) => k !== 'source' && k !== 'media_type');
  if (unknown.length > 0 || args.length > 2) {
    throw new JinjaError('OT4005', {
      reason: `image() takes (source, media_type=none)${unknown.length > 0 ? `, not \`${unknown[0]}\`` : ''}`,
    });
  }
  if (typeof source !== 'string' || source === '') {
    throw new JinjaError('OT4005', {
      reason: 'image() needs a URL or a file path (a non-empty string) as its source',
    });
  }
  if (mediaType !== undefined && mediaType !== null && typeof mediaType !== 'string') {
    throw new JinjaError('OT4005', { reason: 'image(): media_type must be a string' });
  }
  return new TemplateImage(source, mediaType ?? null, null);
});

/**
 * What a call returned, with the call's place recorded when it is a fresh image: paths resolve
 * against the calling file and errors point at the call, wherever the image is placed later.
 */
export function stampImage(value: unknown, site: ImageSite): unknown {
  if (value instanceof TemplateImage && value.site === null) {
    return new TemplateImage(value.source, value.mediaType, site);
  }
  return value;
}

/**
 * True for `image(<literal>, …)` written directly (the path is then the author's choice, not
 * data's); an image called under another name counts as computed, in the interpreter and in
 * compiled modules alike.
 */
export function literalSource(
  callee: { kind: string; name?: string },
  args: readonly { kind: string }[],
  kwargs: readonly { name: string; value: { kind: string } }[],
): boolean {
  if (callee.kind !== 'name' || callee.name !== 'image') return false;
  const first = args[0] ?? kwargs.find((k) => k.name === 'source')?.value;
  return first !== undefined && first.kind === 'literal';
}
