import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { planHtml } from '../../vscode-extension/src/plan-page.js';
import { CHROMIUM_ARGS, requireChromium } from '../helpers/require-chromium.js';

const chromiumPath = requireChromium('Show plan browser test');
const script = fileURLToPath(
  new URL('../../vscode-extension/dist/webview/plan-graph.js', import.meta.url),
);
const dir = mkdtempSync(join(tmpdir(), 'ot-plan-page-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(chromiumPath === undefined)('"Show plan" page in Chromium', () => {
  test('the bundled Mermaid draws the graph offline, above the plan in words', async () => {
    expect(existsSync(script), 'vscode-extension/dist is built').toBe(true);
    const mermaid = 'graph TD\n  c1["city"]\n  c2["mayor"]\n  c1 --> c2\n';
    const page = join(dir, 'plan.html');
    // As in the webview: only scripts from the extension's own files (here, file:) may run.
    writeFileSync(
      page,
      planHtml(mermaid, 'stage 1: city\nstage 2: mayor', 'file:', pathToFileURL(script).href),
    );
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    try {
      const tab = await browser.newPage();
      const network: string[] = [];
      await tab.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        network.push(url);
        return route.abort();
      });
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(pathToFileURL(page).href);
      await tab.waitForSelector('body.graph-drawn svg', { timeout: 30_000 });
      // A string, run in the page: the tests are type-checked without the DOM's types.
      const drawn = (await tab.evaluate(`({
        labels: document.querySelector('svg').textContent,
        first: document.querySelector('svg').compareDocumentPosition(document.querySelector('h3'))
          === Node.DOCUMENT_POSITION_FOLLOWING,
      })`)) as { labels: string; first: boolean };
      expect(drawn.labels).toContain('city');
      expect(drawn.labels).toContain('mayor');
      expect(drawn.first).toBe(true);
      expect(network).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
