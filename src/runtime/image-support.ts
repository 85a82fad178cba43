import type { Backend } from '../backends/backend.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { OtError } from '../diagnostics/ot-error.js';
import type { Span } from '../source/span.js';

/** True when some message carries an image. */
export function hasImages(messages: readonly { images?: readonly unknown[] }[]): boolean {
  return messages.some((m) => (m.images?.length ?? 0) > 0);
}

/**
 * OT4040 unless `backend` takes images: it must declare image support and chat (a text-only
 * completion backend would get the messages formatted as text, without them). `site` is the
 * template call's place; null for a TypeScript call (the builtin is named instead).
 */
export function requireImageSupport(
  builtin: string,
  backend: Backend,
  site: { file: string; span: Span } | null,
): void {
  if (backend.capabilities.images === true && backend.capabilities.chat) return;
  throw new OtError([
    createDiagnostic('OT4040', site?.file ?? builtin, site?.span ?? { start: 0, end: 0 }, {
      builtin,
      backend: backend.name,
    }),
  ]);
}
