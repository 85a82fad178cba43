import type { GenerationArgs } from '../../backends/backend.js';
import type { BuiltinCall } from '../interpreter/exec-state.js';
import type { CallInfo } from '../registry/types.js';
import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import { OtError } from '../../diagnostics/ot-error.js';
import type { PlacedImage } from '../interpreter/placed-image.js';

/**
 * A builtin call's keyword arguments with the front matter's `defaults` for that builtin
 * underneath; an argument set to `none` takes the default (LANGUAGE.md §6).
 */
export function mergedKeywords(call: BuiltinCall): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...(call.template.meta.defaults[call.builtin] ?? {}) };
  for (const [name, value] of Object.entries(call.kwargs)) {
    if (value !== null && value !== undefined) merged[name] = value;
  }
  return merged;
}

/** The sampling arguments among the keywords (everything the builtin does not consume itself). */
export function generationArgs(
  keywords: Record<string, unknown>,
  consumed: readonly string[],
): GenerationArgs {
  const args: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(keywords)) {
    if (!consumed.includes(name)) args[name] = value;
  }
  if (typeof args.stop === 'string') args.stop = [args.stop];
  return args as GenerationArgs;
}

/**
 * The explicit prompt (a positional argument or `prompt=`), or else the prefix; with the call's
 * info, which for a prefix prompt also carries the part rendered since the previous call.
 */
export async function promptOf(
  call: BuiltinCall,
  keywords: Record<string, unknown>,
  position: number,
  info: CallInfo,
): Promise<{ prompt: string; info: CallInfo }> {
  const {
    prompt,
    info: promptInfo,
    images,
  } = await promptAndImagesOf(call, keywords, position, info);
  // Only generate_text and chat send images; dropping one silently would change the question.
  const first = images[0];
  if (first) {
    throw new OtError([
      createDiagnostic('OT4047', call.site.file, call.site.span, {
        builtin: call.builtin,
        source: first.source,
        reason: 'only generate_text and chat send images (the image is in its prefix)',
      }),
    ]);
  }
  return { prompt, info: promptInfo };
}

/** `promptOf` with the images placed in the prefix (none for an explicit prompt). */
export async function promptAndImagesOf(
  call: BuiltinCall,
  keywords: Record<string, unknown>,
  position: number,
  info: CallInfo,
): Promise<{ prompt: string; info: CallInfo; images: PlacedImage[] }> {
  const explicit = call.args.length > position ? call.args[position] : keywords.prompt;
  if (explicit !== undefined && explicit !== null) {
    return { prompt: String(explicit), info, images: [] };
  }
  const [prompt, lastTurn, images] = await Promise.all([
    call.prefixText(),
    call.prefixSinceLastCall(),
    call.prefixImages(),
  ]);
  return { prompt, info: { ...info, lastTurn }, images };
}
