import { createHash } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { ImageData } from '../../backends/backend.js';
import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import { OtError } from '../../diagnostics/ot-error.js';

/** What `image()` takes: an `http(s):`/`data:` URL, a file path inside the project, or bytes. */
export type ImageSource = string | URL | Uint8Array;

/** An image placed in a message or prompt; nothing is read until the call runs. */
export interface ImageInput {
  readonly type: 'image';
  readonly source: ImageSource;
  /** The media type; default guessed from the bytes (PNG, JPEG, GIF, WebP) or the file name. */
  readonly mediaType?: string;
}

/** Options of `image()`. */
export interface ImageOptions {
  mediaType?: string;
}

/**
 * An image for `llm.chat` messages (`{ role: 'user', content, images: [image(…)] }`) and
 * `llm.generateText(prompt, { images })`. A file path is read when the call runs, relative to
 * the working directory and only inside it (as a flow's includes stay inside the project).
 */
export function image(source: ImageSource, options: ImageOptions = {}): ImageInput {
  const input: ImageInput = {
    type: 'image',
    source,
    ...(options.mediaType !== undefined ? { mediaType: options.mediaType } : {}),
  };
  // A hidden mark, so that a template places this value as an image while a row of data shaped
  // like one (`{"type": "image", "source": "…"}` from JSON) stays data and never picks a file.
  Object.defineProperty(input, MADE_BY_IMAGE, { value: true });
  return input;
}

const MADE_BY_IMAGE = Symbol('ot.image');

/** True for a value made by `image()` in TypeScript (passed to a template as an input, say). */
export function isImageInput(value: unknown): value is ImageInput {
  return typeof value === 'object' && value !== null && MADE_BY_IMAGE in value;
}

/** How an image is named in rendered text and errors: its path or URL, or its size in bytes. */
export function describeImageSource(source: ImageSource): string {
  if (source instanceof Uint8Array) return `${source.byteLength} bytes`;
  return source instanceof URL ? source.href : source;
}

/** Reads an image for a backend: bytes with their digest, or a URL passed on. */
export async function loadImage(input: ImageInput, root = process.cwd()): Promise<ImageData> {
  const { source } = input;
  if (source instanceof Uint8Array) return imageOfBytes(source, input.mediaType ?? null, null);
  const text = source instanceof URL ? source.href : source;
  const url = imageOfUrl(text, input.mediaType ?? null);
  if (url) return url;
  if (hasOtherScheme(text)) {
    refuse(text, 'only http(s) and data URLs, file paths inside the project, and bytes are images');
  }
  return imageOfBytes(await readInside(text, root), input.mediaType ?? null, text);
}

/** A `data:` URL's bytes or an `http(s):` URL passed on; null for anything else (a path). */
export function imageOfUrl(text: string, mediaType: string | null): ImageData | null {
  const data = /^data:([^;,]+)?(;base64)?,(.*)$/s.exec(text);
  if (data) {
    const bytes = data[2]
      ? Buffer.from(data[3]!, 'base64')
      : Buffer.from(decodeURIComponent(data[3]!), 'utf8');
    return imageOfBytes(bytes, mediaType ?? data[1] ?? null, null);
  }
  if (/^https?:\/\//i.test(text)) {
    return { kind: 'url', url: text, mediaType: mediaType ?? mediaTypeOfName(text) };
  }
  return null;
}

/** True for a URL of a scheme images do not come from (`file:`, `ftp:`); a drive letter is a path. */
export function hasOtherScheme(text: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(text) && !/^[a-z]:[\\/]/i.test(text);
}

/** Reads `path` if it resolves (links followed) inside `root`; data never picks another file. */
async function readInside(path: string, root: string): Promise<Buffer> {
  const target = resolve(root, path);
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([realpath(target), realpath(root)]);
  } catch (error) {
    return refuse(path, error instanceof Error ? error.message : String(error));
  }
  const inside = relative(realRoot, real);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    refuse(path, `it is outside the project directory ${realRoot}`);
  }
  return readFile(real);
}

function refuse(source: string, reason: string): never {
  throw new OtError([
    createDiagnostic('OT4041', 'image()', { start: 0, end: 0 }, { source, reason }),
  ]);
}

/** Bytes as a backend's image: base64 and sha256, the media type given, sniffed or from the name. */
export function imageOfBytes(
  bytes: Uint8Array,
  mediaType: string | null,
  name: string | null,
): ImageData {
  return {
    kind: 'bytes',
    mediaType:
      mediaType ??
      sniffMediaType(bytes) ??
      (name ? mediaTypeOfName(name) : 'application/octet-stream'),
    base64: Buffer.from(bytes).toString('base64'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** The media type the first bytes announce, for the formats every vision model takes. */
function sniffMediaType(bytes: Uint8Array): string | null {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') {
    return 'image/webp';
  }
  return null;
}

function mediaTypeOfName(name: string): string {
  const types: Record<string, string> = {
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.jpeg': 'image/jpeg',
    '.gif': 'image/gif',
    '.webp': 'image/webp',
  };
  return types[extname(new URL(name, 'file:///').pathname).toLowerCase()] ?? 'image/*';
}
