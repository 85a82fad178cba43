import type { RenderOutcome } from './nunjucks-reference.js';

/** The pipeline's render function for tests (test/helpers/render.ts). */
export type RenderForTest = (
  source: string,
  context: Record<string, unknown>,
  options?: { path?: string },
) => Promise<string>;

/** Our renderer, or why it cannot be loaded yet. */
export type OurRenderer =
  { render: RenderForTest; missing: null } | { render: null; missing: string };

/**
 * Loads `renderTemplateForTest` from test/helpers/render.ts. The import is dynamic so that this
 * suite's nunjucks self-checks run while the pipeline is still being assembled: only a module
 * that does not exist yet (the helper or what it imports) counts as "not ready"; any other
 * failure while loading is rethrown, so a broken pipeline fails loudly.
 */
export async function loadOurRenderer(): Promise<OurRenderer> {
  const specifier = '../helpers/render.js';
  try {
    const module = (await import(/* @vite-ignore */ specifier)) as {
      renderTemplateForTest?: RenderForTest;
    };
    if (typeof module.renderTemplateForTest !== 'function') {
      return {
        render: null,
        missing: 'test/helpers/render.ts does not export renderTemplateForTest',
      };
    }
    return { render: module.renderTemplateForTest, missing: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (
      /Cannot find module|Failed to load url|ERR_MODULE_NOT_FOUND|Does the file exist/i.test(
        message,
      )
    ) {
      return { render: null, missing: message.split('\n')[0]! };
    }
    throw error;
  }
}

/** Our outcome; a failure also lists the diagnostic codes it carries (an OtError's). */
export type OurOutcome = RenderOutcome & { codes?: string[] };

/** Renders with our pipeline, in the same shape as the reference. */
export async function renderOurs(
  render: RenderForTest,
  source: string,
  context: Record<string, unknown>,
  path?: string,
): Promise<OurOutcome> {
  try {
    return { ok: true, text: await render(source, structuredClone(context), path ? { path } : {}) };
  } catch (error) {
    const diagnostics = (error as { diagnostics?: { code: string }[] } | null)?.diagnostics ?? [];
    return {
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      codes: diagnostics.map((d) => d.code),
    };
  }
}
