import type { ImageData, Message } from '../../backends/backend.js';
import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import { OtError } from '../../diagnostics/ot-error.js';
import type { Segment } from './output-buffer.js';
import type { PlacedImage } from './placed-image.js';

/**
 * Groups a prefix into chat messages (LANGUAGE.md §5–6): consecutive text of one role merges
 * into one message; text outside role blocks is `user`, except that in a template with role
 * blocks, a stretch of text between them that is only whitespace belongs to no message. The
 * stretch is the whole text between two role blocks, however it happens to be split into
 * segments, so "Last: {{ a }} {{ b }}" keeps its space. Messages come from the template's
 * structure, never from parsing rendered text, so data cannot forge a role.
 *
 * An image (`{{ image(…) }}`, already read: see `imagesRead`) goes with the user message it is
 * placed in, after that message's text; in a `system` or `assistant` block it is OT4047.
 */
export function segmentsToMessages(
  segments: readonly Segment[],
  hasRoles: boolean,
  builtin = 'chat',
): Message[] {
  const messages: Message[] = [];
  const add = (role: Message['role'], text: string) => {
    const last = messages[messages.length - 1];
    if (last && last.role === role) last.content += text;
    else messages.push({ role, content: text });
  };
  const addImages = (images: readonly PlacedImage[]) => {
    if (images.length === 0) return;
    add('user', '');
    const last = messages[messages.length - 1]!;
    last.images = [...(last.images ?? []), ...images.map(imageData)];
  };
  let outside = '';
  let outsideImages: PlacedImage[] = [];
  const flushOutside = () => {
    if (outside !== '' && !(hasRoles && outside.trim() === '')) add('user', outside);
    addImages(outsideImages);
    outside = '';
    outsideImages = [];
  };
  for (const segment of segments) {
    if (segment.image) {
      if (segment.role === null) outsideImages.push(segment.image);
      else if (segment.role === 'user') {
        flushOutside();
        addImages([segment.image]);
      } else throw imageInRole(segment.image, segment.role, builtin);
      continue;
    }
    // An empty reply is a segment only to mark where a call was.
    if (segment.text === '') continue;
    if (segment.role === null) {
      outside += segment.text;
      continue;
    }
    flushOutside();
    add(segment.role, segment.text);
  }
  flushOutside();
  return messages;
}

/** The placed images of a prefix, in order. */
export function segmentImages(segments: readonly Segment[]): PlacedImage[] {
  const images: PlacedImage[] = [];
  for (const segment of segments) if (segment.image) images.push(segment.image);
  return images;
}

/** Waits until every image of a prefix is read; rejects with the first that cannot be. */
export async function imagesRead(segments: readonly Segment[]): Promise<void> {
  for (const image of segmentImages(segments)) await image.data.promise;
}

/** A read image's data (after `imagesRead`). */
export function imageData(image: PlacedImage): ImageData {
  if (image.data.failed) throw image.data.error;
  return image.data.value!;
}

function imageInRole(image: PlacedImage, role: string, builtin: string): OtError {
  return new OtError([
    createDiagnostic('OT4047', image.site.file, image.site.span, {
      builtin,
      source: image.source,
      reason: `images go in user messages, not in a \`${role}\` block`,
    }),
  ]);
}
