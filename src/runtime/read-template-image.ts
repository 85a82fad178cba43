import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ImageData } from '../backends/backend.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { OtError } from '../diagnostics/ot-error.js';
import { describeRoots, directoryAccess, outsideRoots } from '../ir/path-access.js';
import type { ProgramIR } from '../ir/ir.js';
import { resolveTemplatePath } from '../ir/resolve-path.js';
import { hasOtherScheme, imageOfBytes, imageOfUrl } from './api/image.js';
import type { ImageSite, TemplateImage } from './jinja/template-image.js';

/**
 * Reads a `.ot` file's image for a backend. A URL is passed on (a `data:` URL's bytes are
 * decoded); a path resolves against the file that called `image()` and goes through the rules
 * of `include` (README "Files a flow may read"): inside the project roots, and a computed path
 * only with `allow_dynamic_paths: true` (data must not pick a file to send to a provider).
 */
export async function readTemplateImage(
  image: TemplateImage,
  site: ImageSite,
  program: ProgramIR,
  locateFile: (path: string) => string = (path) => path,
): Promise<ImageData> {
  const { source } = image;
  const fail = (code: 'OT4041' | 'OT4046', reason: string): never => {
    throw new OtError([createDiagnostic(code, site.file, site.span, { source, reason })]);
  };
  const url = imageOfUrl(source, image.mediaType);
  if (url) return url;
  if (hasOtherScheme(source)) {
    fail('OT4041', 'only http(s) and data URLs and file paths inside the project are images');
  }
  const access = program.access ?? directoryAccess(locateFile(dirname(program.entry)));
  if (!site.literal && !access.allowDynamicPaths) {
    fail(
      'OT4041',
      'a computed path may choose a file only when ot.config.yaml sets `allow_dynamic_paths: true`',
    );
  }
  const target = locateFile(resolveTemplatePath(site.file, source));
  const outside = outsideRoots(target, access);
  if (outside !== null) fail('OT4041', `\`${outside}\` is outside ${describeRoots(access)}`);
  let bytes: Buffer;
  try {
    bytes = await readFile(target);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return fail(
      'OT4046',
      code === 'ENOENT'
        ? `there is no file \`${target}\``
        : error instanceof Error
          ? error.message
          : String(error),
    );
  }
  return imageOfBytes(bytes, image.mediaType, source);
}
