import type { ImageData } from '../../backends/backend.js';
import { describeImageSource, isImageInput, loadImage, type ImageInput } from '../api/image.js';
import { renderOutput } from '../jinja/render-output.js';
import { TemplateImage, type ImageSite } from '../jinja/template-image.js';
import { readTemplateImage } from '../read-template-image.js';
import type { ExecState } from './exec-state.js';
import { Pending, whenKnown, type MaybePending } from './pending.js';

/** An image placed in the output by `{{ }}`: its bytes (or URL) are read as soon as it is placed. */
export interface PlacedImage {
  readonly kind: 'placedImage';
  readonly source: string;
  readonly site: ImageSite;
  /** The image for a backend; a failure (missing file, refused path) fails the run. */
  readonly data: Pending<ImageData>;
}

/** True for a placed image (a part of the output that is not text). */
export function isPlacedImage(value: unknown): value is PlacedImage {
  return (
    typeof value === 'object' && value !== null && (value as PlacedImage).kind === 'placedImage'
  );
}

/**
 * What `{{ value }}` writes: its text, or for an `image(…)` the image itself, which is then a
 * part of the prefix of every later call (and `[image SOURCE]` in the rendered text). The
 * interpreter and generated code both write outputs through this.
 */
export function outputPiece(value: unknown, state: ExecState): MaybePending<string | PlacedImage> {
  // Known values, the common case, without a closure.
  if (value instanceof Pending) return whenKnown(value, (known) => pieceOf(known, state));
  return pieceOf(value, state);
}

function pieceOf(value: unknown, state: ExecState): string | PlacedImage {
  if (value instanceof TemplateImage) return placeImage(value, state);
  if (isImageInput(value)) return placeInputImage(value, state);
  return renderOutput(value);
}

/**
 * An `image()` made in TypeScript and given to the template (as an input, say): read as the
 * TypeScript API reads images (a path relative to the working directory, and inside it).
 */
function placeInputImage(input: ImageInput, state: ExecState): PlacedImage {
  const site = { file: state.template.path, span: state.template.span, literal: false };
  const read = loadImage(input);
  state.run.track(read);
  return {
    kind: 'placedImage',
    source: describeImageSource(input.source),
    site,
    data: new Pending(read),
  };
}

function placeImage(image: TemplateImage, state: ExecState): PlacedImage {
  // An image stamped by no call (a host's own TemplateImage) is located at the template.
  const site = image.site ?? {
    file: state.template.path,
    span: state.template.span,
    literal: false,
  };
  const read = readTemplateImage(image, site, state.run.program, state.run.locateFile);
  // The run fails on a missing or refused image even when no call sends it.
  state.run.track(read);
  return { kind: 'placedImage', source: image.source, site, data: new Pending(read) };
}

/** The text an image stands for in the rendered text of a flow (never sent to a model). */
export function imagePlaceholder(image: PlacedImage): string {
  return `[image ${image.source}]`;
}
