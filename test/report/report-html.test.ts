import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { embedJson } from '../../src/report/embed-json.js';
import { parseTraceLines } from '../../src/report/parse-trace.js';
import { renderEvalReport } from '../../src/report/render-eval-report.js';
import { renderTraceReport } from '../../src/report/render-trace-report.js';
import { fixtureReport, fixtureResults, HOSTILE } from './report-fixture.js';

/** The text of the page's JSON data element. */
function dataElement(html: string): string {
  const match = /<script type="application\/json" id="ot-data">([\s\S]*?)<\/script>/.exec(html);
  if (match === null) throw new Error('no data element');
  return match[1]!;
}

describe('embedJson', () => {
  it('escapes what could end the script element or open a comment, and round-trips', () => {
    const value = { text: HOSTILE, nested: ['<!--', '-->', '</script>', '\u2028'] };
    const embedded = embedJson(value);
    expect(embedded).not.toMatch(/[<>&\u2028\u2029]/);
    expect(embedded).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(embedded)).toEqual(value);
  });
});

describe('renderEvalReport', () => {
  const data = fixtureReport();
  const html = renderEvalReport(data);

  it('keeps hostile prompts and outputs inside the data element', () => {
    // Exactly the two script elements of the page: the data and the code.
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html).not.toContain('<!--');
    expect(html).not.toMatch(/<img|<svg/i); // the data still holds them, as \u003c escapes
    const payload = JSON.parse(dataElement(html)) as { kind: string; results: unknown };
    expect(payload.kind).toBe('eval');
    expect(payload.results).toEqual(data.results);
  });

  it('escapes the title and loads nothing from elsewhere', () => {
    const page = renderEvalReport({ ...data, title: '</title><script>x()</script>' });
    expect(page).toContain('<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>');
    const outsideData = page.replace(dataElement(page), '');
    expect(outsideData).not.toMatch(/https?:|\/\/[a-z]|<link(?! rel="icon" href="data:,")|src=/i);
  });

  it('allows only its own script, by hash, and no network', () => {
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!;
    expect(policy).toContain("default-src 'none'");
    const script = /<script>([\s\S]*)<\/script>/.exec(html.replace(dataElement(html), ''))![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    expect(policy).toContain(`script-src 'sha256-${hash}'`);
  });
});

describe('renderTraceReport', () => {
  it('embeds the calls of any trace', () => {
    const calls = fixtureResults().flatMap((result) => result.calls);
    const html = renderTraceReport(calls, { title: 'My run' });
    expect(html).toContain('<title>My run</title>');
    const payload = JSON.parse(dataElement(html)) as { kind: string; calls: unknown };
    expect(payload).toEqual({ kind: 'trace', title: 'My run', calls });
  });
});

describe('parseTraceLines', () => {
  it('reads JSON lines, skips blank ones and reports bad ones by number', () => {
    const text = [
      JSON.stringify({ builtin: 'llm', start_ms: 0, end_ms: 5, cached: false }),
      '',
      '{not json',
      JSON.stringify({ hello: 1 }),
      JSON.stringify({ builtin: 'llm', start_ms: 5, end_ms: 6, cached: true }),
      '',
    ].join('\n');
    const parsed = parseTraceLines(text);
    expect(parsed.lines.map((line) => line.start_ms)).toEqual([0, 5]);
    expect(parsed.problems.map((problem) => problem.line)).toEqual([3, 4]);
    expect(parsed.problems[1]!.message).toBe('not a trace line (no start_ms/end_ms)');
  });
});
