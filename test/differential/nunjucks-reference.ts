import { dirname } from 'node:path';
import nunjucks from 'nunjucks';

/** The outcome of one render: its text, or the fact that it failed (and why, for the reader). */
export type RenderOutcome = { ok: true; text: string } | { ok: false; error: string };

/**
 * Renders with the reference, `nunjucks.renderString(body, context)` with autoescape off and the
 * other defaults (LANGUAGE.md §3). Includes resolve from the template's directory (uncached, so
 * edits to a corpus partial show at once).
 */
export function renderReference(
  source: string,
  context: Record<string, unknown>,
  path?: string,
): RenderOutcome {
  const loader = path ? new nunjucks.FileSystemLoader(dirname(path), { noCache: true }) : null;
  const env = new nunjucks.Environment(loader, { autoescape: false });
  // nunjucks' renderString takes `{ path }` (for relative includes); @types/nunjucks omits it.
  const renderString = env.renderString.bind(env) as unknown as (
    source: string,
    context: object,
    options: { path?: string },
  ) => string;
  try {
    return { ok: true, text: renderString(source, structuredClone(context), path ? { path } : {}) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
