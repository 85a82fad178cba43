import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEvalReport } from '../../src/report/render-eval-report.js';
import { renderTraceReport } from '../../src/report/render-trace-report.js';
import { CHROMIUM_ARGS, requireChromium } from '../helpers/require-chromium.js';
import { fixtureReport, fixtureResults, HOSTILE } from './report-fixture.js';

const chromiumPath = requireChromium('report browser tests');
const screenshots = fileURLToPath(new URL('./__screenshots__/', import.meta.url));

/** A page on a report file, recording every request and every error the page reports. */
interface OpenedReport {
  page: Page;
  requests: string[];
  problems: string[];
}

describe.skipIf(chromiumPath === undefined)('HTML reports in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let dir: string;

  beforeAll(async () => {
    // Imported here so that a machine without Chromium skips without needing playwright-core.
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    dir = mkdtempSync(join(tmpdir(), 'ot-report-'));
    mkdirSync(screenshots, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, html: string): Promise<OpenedReport> {
    const file = join(dir, name);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    // Every request other than the report itself is recorded and refused.
    await page.route('**/*', (route) => {
      const requested = route.request().url();
      if (requested === url) return route.continue();
      requests.push(requested);
      return route.abort();
    });
    page.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url());
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // A Content-Security-Policy violation (e.g. a script whose hash does not match) lands here.
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(url);
    return { page, requests, problems };
  }

  it('shows the eval summary, comparisons, filters, rows and timeline, offline', async () => {
    const data = fixtureReport();
    const { page, requests, problems } = await open('eval.html', renderEvalReport(data));

    // Summary table: one line per flow × backend with the figures of the fixture.
    const claude = page.locator('table.summary tr[data-cell=\'["qa","claude"]\']');
    const gpt = page.locator('table.summary tr[data-cell=\'["qa","gpt"]\']');
    await expect.poll(() => claude.count()).toBe(1);
    expect(await claude.locator('td[data-scorer="exact"] .mean').textContent()).toBe('66.7%');
    expect(await gpt.locator('td[data-scorer="exact"] .mean').textContent()).toBe('100%');
    const claudeCells = await claude.locator('td').allTextContents();
    expect(claudeCells.slice(0, 3)).toEqual(['qa', 'claude', '4']);
    expect(claudeCells.slice(-6)).toEqual(['1', '80 / 20', '$0.0020', '300 ms', '300 ms', '4 / 0']);
    const gptCells = await gpt.locator('td').allTextContents();
    expect(gptCells.slice(-6)).toEqual(['0', '80 / 20', '$0.0015', '300 ms', '300 ms', '3 / 1']);

    // Comparisons with their sentences.
    const sentences = await page.locator('.comparisons .sentence').allTextContents();
    expect(sentences).toEqual(data.summary.comparisons.map((c) => c.sentence));

    // Timeline: one bar per call, the cache hit marked.
    expect(await page.locator('.tl-bar').count()).toBe(8);
    expect(await page.locator('.tl-bar.cached').count()).toBe(1);
    expect(await page.locator('.tl-bar.cached').getAttribute('title')).toContain('cache hit');
    const lanes = await page.locator('.tl-label').allTextContents();
    expect(lanes.slice(0, 3)).toEqual(['row 0 · claude', 'row 0 · gpt', 'row 1 · claude']);

    // Rows side by side, differing outputs highlighted; the filters narrow them.
    const rows = page.locator('table.rows tr.result-row');
    const visibleRows = () => page.locator('table.rows tr.result-row:visible').count();
    expect(await rows.count()).toBe(4);
    expect(await page.locator('tr[data-key="2#0"] td.differs').count()).toBe(1);
    expect(await page.locator('tr[data-key="3#0"] td.differs').count()).toBe(1);
    expect(await page.locator('tr[data-key="0#0"] td.differs').count()).toBe(0);
    await page.check('#filter-failures');
    expect(await visibleRows()).toBe(2);
    expect(await page.locator('.filters .count').textContent()).toBe('showing 2 of 4 rows');
    await page.uncheck('#filter-failures');
    await page.check('#filter-disagreements');
    expect(await visibleRows()).toBe(2); // row 1's texts differ, but its scores agree
    await page.uncheck('#filter-disagreements');
    await page.selectOption('#filter-scorer', 'len');
    await page.fill('#filter-threshold', '0.5');
    expect(await visibleRows()).toBe(1);
    expect(await page.locator('table.rows tr.result-row:visible').getAttribute('data-key')).toBe(
      '1#0',
    );

    // Opening a row shows each call's prompt, reply, usage and cache status; hostile text is
    // shown as text.
    await page.click('tr[data-key="1#0"]');
    const detail = page.locator('tr[data-key="1#0"] + tr.detail');
    await expect.poll(() => detail.isVisible()).toBe(true);
    expect(await detail.locator('.call').count()).toBe(2);
    const detailText = (await detail.textContent()) ?? '';
    expect(detailText).toContain(`Q: capital of Peru ${HOSTILE}`);
    expect(detailText).toContain('20 in / 5 out');
    expect(await detail.locator('.badge.made').count()).toBe(2);
    expect(
      await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    expect(await page.locator('img, svg, iframe').count()).toBe(0);

    await page.fill('#filter-threshold', '');
    await page.screenshot({ path: join(screenshots, 'eval-report.png'), fullPage: true });
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows a trace as a timeline and a call table', async () => {
    const calls = fixtureResults().flatMap((result) => result.calls);
    const { page, requests, problems } = await open('trace.html', renderTraceReport(calls));
    await expect.poll(() => page.locator('.tl-bar').count()).toBe(8);
    expect(await page.locator('.tl-bar.cached').count()).toBe(1);
    expect(await page.locator('.tl-bar.error').count()).toBe(1);
    expect(await page.locator('.tl-lane').count()).toBe(8); // four rows × two backends
    const callRows = page.locator('table.calls tr.call-row');
    expect(await callRows.count()).toBe(8);
    await page.locator('.tl-bar.cached').click();
    const openDetail = page.locator('table.calls tr.detail:visible');
    expect(await openDetail.count()).toBe(1);
    expect(await openDetail.locator('.badge.cached').count()).toBe(1);
    await page.screenshot({ path: join(screenshots, 'trace-report.png'), fullPage: true });
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
  });
});
