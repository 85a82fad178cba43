import { isOtError } from '../diagnostics/ot-error.js';

/** One line for an error in a result: an OtError's diagnostics as `CODE: message`, joined. */
export function describeError(error: unknown): string {
  if (isOtError(error)) {
    return error.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
