import type { RoleName } from '../../ir/ir.js';
import { notText } from '../jinja/template-image.js';
import { Pending, resolveDeep } from './pending.js';
import { isPlacedImage, type PlacedImage } from './placed-image.js';
import { locateError } from './runtime-error.js';

/**
 * One piece of rendered text with the role it is spoken in (null: outside any role block), or
 * an image placed by `{{ image(…) }}` (its `text` is then empty).
 */
export interface Segment {
  text: string;
  role: RoleName | null;
  /** A call's reply (present even when empty): where the text since the last call starts. */
  reply?: true;
  image?: PlacedImage;
}

/** What an output statement writes: text or an image, known or still being computed. */
export type OutputContent = string | PlacedImage | Pending<string | PlacedImage>;

/** A piece of a buffer: known text or image, one still being computed, or a nested buffer. */
interface Part {
  content: OutputContent | OutputBuffer;
  role: RoleName | null;
  /** A call block's builtin call reply; never merged with the text around it. */
  reply?: true;
}

/** A point in the output: the first `length` parts of `buffer`, after what preceded the buffer. */
export interface PrefixRef {
  buffer: OutputBuffer;
  length: number;
}

/**
 * Where a scope's text goes, in source order, whatever order it is computed in. A buffer may
 * start after a prefix it does not own (a capture or a fork branch sees the outer text before
 * it: LANGUAGE.md §5); a nested buffer (a deferred statement's text) is inline in its parent.
 */
export class OutputBuffer {
  parts: Part[] = [];
  /** The role that text written now belongs to. */
  role: RoleName | null = null;
  /** False while a deferred statement is still writing into this buffer. */
  closed = true;
  private whenClosed: Pending<void> | null = null;
  private close_: (() => void) | null = null;

  constructor(readonly before: PrefixRef | null) {}

  /**
   * Parts before this index are seen by a prefix reference and must not change; text written
   * after it may join the last part (one part per run of text, not per statement).
   */
  private sealed = 0;

  /** Appends text (or an image) in the current role. */
  write(content: OutputContent): void {
    this.writeAs(content, this.role);
  }

  /** Appends text in a given role (a call's reply may belong to `assistant`). */
  writeAs(content: OutputContent, role: RoleName | null): void {
    if (content === '') return;
    const last = this.parts.length - 1;
    if (typeof content === 'string' && last >= this.sealed) {
      const part = this.parts[last]!;
      if (typeof part.content === 'string' && part.role === role && !part.reply) {
        part.content += content;
        return;
      }
    }
    this.parts.push({ content, role });
  }

  /**
   * Appends a call's reply in a given role, kept as its own part (even when empty) so that
   * later calls know where the text rendered since the last call starts.
   */
  writeReply(content: string | Pending<string>, role: RoleName | null): void {
    this.parts.push({ content, role, reply: true });
  }

  /** Appends a finished buffer's own text inline (a fork branch after the fork). */
  append(buffer: OutputBuffer): void {
    this.parts.push({ content: buffer, role: this.role });
  }

  /** Reserves an inline place for text that a deferred statement writes later. */
  openChild(): OutputBuffer {
    const child = new OutputBuffer(null);
    child.role = this.role;
    child.closed = false;
    child.whenClosed = new Pending(
      new Promise<void>((resolve) => {
        child.close_ = resolve;
      }),
    );
    this.parts.push({ content: child, role: this.role });
    return child;
  }

  /** Marks a deferred statement's buffer complete. */
  close(): void {
    this.closed = true;
    this.close_?.();
  }

  /** The current end of this buffer, as a prefix reference. */
  here(): PrefixRef {
    this.sealed = this.parts.length;
    return { buffer: this, length: this.parts.length };
  }

  /** Waits for this buffer to be closed. */
  waitClosed(): Promise<void> {
    return this.whenClosed ? this.whenClosed.promise : Promise.resolve();
  }
}

/** What collecting a prefix found: every segment, or the first thing that is not known yet. */
type Collected = { segments: Segment[] } | { blocker: Promise<unknown> };

/** The segments of a prefix, synchronously when all are known, else a Pending of them. */
export function collectSegments(ref: PrefixRef): Segment[] | Pending<Segment[]> {
  const first = tryCollect(ref);
  if ('segments' in first) return first.segments;
  return new Pending(
    (async () => {
      let attempt: Collected = first;
      while ('blocker' in attempt) {
        await attempt.blocker.catch(() => undefined);
        attempt = tryCollect(ref);
      }
      return attempt.segments;
    })(),
  );
}

/** What an image becomes where text is collected: a placeholder, or an error (a capture). */
export type ImageText = (image: PlacedImage) => string;

/** The text of a prefix (roles ignored), each image as `imageText` renders it. */
export function collectText(ref: PrefixRef, imageText: ImageText): string | Pending<string> {
  // The common case, and the whole of a call-free render: plain strings, joined directly.
  if (ref.buffer.before === null) {
    const { parts } = ref.buffer;
    let text = '';
    let i = 0;
    for (; i < ref.length; i++) {
      const content = parts[i]!.content;
      if (typeof content !== 'string') break;
      text += content;
    }
    if (i === ref.length) return text;
  }
  const segments = collectSegments(ref);
  if (segments instanceof Pending) {
    return new Pending(resolveDeep(segments).then((known) => renderSegments(known, imageText)));
  }
  return renderSegments(segments, imageText);
}

/** Joins segments into text, images as `imageText` renders them. */
function renderSegments(segments: readonly Segment[], imageText: ImageText): string {
  let text = '';
  for (const segment of segments) text += segment.image ? imageText(segment.image) : segment.text;
  return text;
}

/** Joins segments' text: a prompt's text, whose images are sent beside it. */
export function joinSegments(segments: readonly Segment[]): string {
  let text = '';
  for (const segment of segments) text += segment.text;
  return text;
}

function tryCollect(ref: PrefixRef): Collected {
  const segments: Segment[] = [];
  const chain: PrefixRef[] = [];
  for (let r: PrefixRef | null = ref; r; r = r.buffer.before) chain.push(r);
  for (let i = chain.length - 1; i >= 0; i--) {
    const { buffer, length } = chain[i]!;
    const blocker = collectParts(buffer, length, segments);
    if (blocker) return { blocker };
  }
  return { segments };
}

/** Appends the first `length` parts of `buffer` to `out`; returns what blocks, if anything. */
function collectParts(
  buffer: OutputBuffer,
  length: number,
  out: Segment[],
): Promise<unknown> | null {
  for (let i = 0; i < length; i++) {
    const part = buffer.parts[i]!;
    const content = part.content;
    if (typeof content === 'string') {
      if (part.reply) out.push({ text: content, role: part.role, reply: true });
      else out.push({ text: content, role: part.role });
    } else if (isPlacedImage(content)) {
      out.push({ text: '', role: part.role, image: content });
    } else if (content instanceof Pending) {
      if (!content.settled) return content.promise;
      if (content.failed) throw content.error;
      const value = content.value as string | PlacedImage;
      if (isPlacedImage(value)) {
        out.push({ text: '', role: part.role, image: value });
        continue;
      }
      const text = value;
      if (part.reply) out.push({ text, role: part.role, reply: true });
      else if (text !== '') out.push({ text, role: part.role });
    } else {
      if (!content.closed) return content.waitClosed();
      const blocker = collectParts(content, content.parts.length, out);
      if (blocker) return blocker;
    }
  }
  return null;
}

/**
 * The text after the last call's reply among `segments` (the part rendered since the last
 * call), or all of it when no reply is there: what a fake backend's `match_last` sees.
 */
export function textSinceLastReply(segments: readonly Segment[]): string {
  let start = 0;
  for (let i = segments.length - 1; i >= 0; i--) {
    if (segments[i]!.reply) {
      start = i + 1;
      break;
    }
  }
  return joinSegments(segments.slice(start));
}

/**
 * The text a buffer itself holds (without the prefix before it): a capture's, a macro's or a
 * filter block's. Such text is a string, so an image in it is OT4045 at the image.
 */
export function ownText(buffer: OutputBuffer): string | Pending<string> {
  const view = buffer.before === null ? buffer : new DetachedView(buffer);
  return collectText({ buffer: view, length: buffer.parts.length }, imageInText);
}

function imageInText(image: PlacedImage): never {
  throw locateError(
    notText(image.source, 'in text that becomes a string (a `set` block, a macro, a filter block)'),
    image.site.span,
    image.site.file,
  );
}

/** Views a buffer's own parts without the prefix it starts after. */
class DetachedView extends OutputBuffer {
  constructor(source: OutputBuffer) {
    super(null);
    this.parts = source.parts;
  }
}
