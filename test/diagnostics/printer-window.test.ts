import { describe, expect, it } from 'vitest';
import { createDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { MAX_FRAME_WIDTH } from '../../src/diagnostics/line-window.js';
import { printDiagnostic } from '../../src/diagnostics/printer.js';
import { createSourceFile } from '../../src/source/source-file.js';

function frame(text: string, start: number, end: number): string[] {
  const file = createSourceFile('f.ot', text);
  const diagnostic = createDiagnostic(
    'OT1001',
    'f.ot',
    { start, end },
    { found: 'x', expected: 'y' },
  );
  return printDiagnostic(diagnostic, () => file, { color: false }).split('\n');
}

/** The caret line's underline, and the column (in the printed source line) where it starts. */
function caret(lines: string[]): { column: number; width: number } {
  const underline = lines.at(-1)!;
  const column = underline.indexOf('^');
  return { column, width: underline.slice(column).length };
}

describe('code frames of long lines', () => {
  it('prints a short line whole, with the caret under the span', () => {
    const lines = frame('{{ a b }}', 5, 6);
    expect(lines.slice(1)).toEqual(['  1 | {{ a b }}', '    |      ^']);
  });

  it('cuts a long line to a window around the span, marked with … on both sides', () => {
    const text = `${'a'.repeat(50_000)}@${'b'.repeat(50_000)}`;
    const lines = frame(text, 50_000, 50_001);
    const source = lines[1]!;
    expect(source.length).toBeLessThan(MAX_FRAME_WIDTH + 20);
    expect(source).toMatch(/^ {2}1 \| …a+@b+…$/);
    // The caret stands under the `@`.
    expect(caret(lines).column).toBe(source.indexOf('@'));
    expect(caret(lines).width).toBe(1);
  });

  it('keeps the start of a long line when the span is near it', () => {
    const lines = frame(`{{ @ ${'x'.repeat(10_000)}`, 3, 4);
    expect(lines[1]).toMatch(/^ {2}1 \| \{\{ @ x+…$/);
    expect(caret(lines).column).toBe(lines[1]!.indexOf('@'));
  });

  it('keeps the end of a long line when the span is near it', () => {
    const text = `${'x'.repeat(10_000)} @`;
    const lines = frame(text, text.length - 1, text.length);
    expect(lines[1]).toMatch(/^ {2}1 \| …x+ @$/);
    expect(caret(lines).column).toBe(lines[1]!.indexOf('@'));
  });

  it('bounds the underline of a span longer than the window', () => {
    const text = '{'.repeat(100_000);
    const lines = frame(text, 10, 90_000);
    expect(caret(lines).width).toBeLessThanOrEqual(MAX_FRAME_WIDTH);
    expect(lines.join('\n').length).toBeLessThan(3 * MAX_FRAME_WIDTH + 200);
  });

  it('cuts the line above to the same columns, so it stays aligned', () => {
    const text = `${'a'.repeat(6_000)}\n${'b'.repeat(5_000)}@`;
    const lines = frame(text, 11_001, 11_002);
    expect(lines[1]).toMatch(/^ {2}1 \| …a+…$/);
    expect(lines[2]).toMatch(/^ {2}2 \| …b+@$/);
    expect(lines[1]!.length).toBeLessThanOrEqual(lines[2]!.length + 1);
  });

  it('shows a short line above a short error line whole', () => {
    const above = `{% if x %}${'y'.repeat(100)}`;
    const lines = frame(`${above}\n{{ }}`, above.length + 4, above.length + 6);
    expect(lines[1]).toBe(`  1 | ${above}`);
  });

  it('never cuts a surrogate pair in two', () => {
    const text = '😀'.repeat(5_000);
    for (const offset of [1_000, 1_001, 5_000, 5_001]) {
      const source = frame(text, offset, offset + 1)[1]!;
      expect(source).not.toMatch(
        /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
      );
    }
  });
});
