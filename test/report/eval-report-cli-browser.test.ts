import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist, runOt } from '../cli/run-ot.js';
import { CHROMIUM_ARGS, requireChromium } from '../helpers/require-chromium.js';

const chromiumPath = requireChromium('eval report (CLI) browser test');

describe.skipIf(chromiumPath === undefined)('ot eval --report in Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    buildDist();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    dir = mkdtempSync(join(tmpdir(), 'ot-eval-report-'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a self-contained report of the sample eval: summary, comparisons, timeline and each row’s calls', async () => {
    const report = join(dir, 'report.html');
    const out = join(dir, 'results.jsonl');
    const run = await runOt([
      'eval',
      'samples/eval/eval.yaml',
      '--cache',
      join(dir, 'cache'),
      '--report',
      report,
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`wrote ${out}, ${report}`);
    const results = readFileSync(out, 'utf8').trim().split('\n');
    expect(results).toHaveLength(160);

    const url = pathToFileURL(report).href;
    // A common laptop width: the summary of the sample's 4 scorers must fit it.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    await page.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue();
      requests.push(route.request().url());
      return route.abort();
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(url);

    expect(await page.locator('h1').textContent()).toBe(
      'Capital cities — two prompts on two models',
    );
    const strong = page.locator('table.summary tr[data-cell=\'["qa.ot","strong"]\']');
    await expect.poll(() => strong.count()).toBe(1);
    expect(await strong.locator('td[data-scorer="exact"] .mean').textContent()).toBe('97.5%');
    expect(await page.locator('table.summary tr[data-cell]').count()).toBe(4);
    // Neither the page nor the summary table's own container scrolls sideways at 1280 px.
    // (In the page: this project's types have no DOM, so the elements are typed by hand.)
    type Box = { scrollWidth: number; clientWidth: number; parentElement: Box };
    const widths = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: Box } }).document;
      const table = (doc as unknown as { querySelector: (s: string) => Box }).querySelector(
        'table.summary',
      );
      const box = table.parentElement;
      return {
        page: [doc.documentElement.scrollWidth, doc.documentElement.clientWidth],
        summary: [box.scrollWidth, box.clientWidth],
      };
    });
    expect(widths.page[0]).toBeLessThanOrEqual(widths.page[1]!);
    expect(widths.summary[0]).toBeLessThanOrEqual(widths.summary[1]!);
    const sentences = await page.locator('.comparisons .sentence').allTextContents();
    expect(sentences.some((s) => s.startsWith('strong beats weak on exact'))).toBe(true);
    // Every call of the eval (flows and judges) is a bar: 2 × 2 × 40 results, each with two calls.
    expect(await page.locator('.tl-bar').count()).toBe(320);

    await page.click('tr[data-key="france#0"]');
    const detail = page.locator('tr[data-key="france#0"] + tr.detail');
    await expect.poll(() => detail.isVisible()).toBe(true);
    const text = (await detail.textContent()) ?? '';
    expect(text).toContain('What is the capital of France?');
    expect(text).toContain('Does the answer name the capital of the country?');
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
