import { describe, expect, it } from 'vitest';
import { capDiagnostics, createDiagnostic } from '../../src/diagnostics/index.js';
import { shouldUseColor } from '../../src/cli/io.js';
import { formatSummary } from '../../src/cli/summary.js';

const span = { start: 0, end: 1 };

describe('formatSummary', () => {
  it('counts errors and warnings with plurals', () => {
    const error = createDiagnostic('OT2001', 'a.ot', span, { name: 'x' });
    const warning = createDiagnostic('OT2003', 'a.ot', span, { name: 'x' });
    expect(formatSummary([])).toBe('0 errors, 0 warnings');
    expect(formatSummary([error, error, warning])).toBe('2 errors, 1 warning');
    expect(formatSummary([error, warning, warning])).toBe('1 error, 2 warnings');
  });

  it('counts the problems a capped file left out, not the note that counts them', () => {
    const error = createDiagnostic('OT2001', 'a.ot', span, { name: 'x' });
    const warning = createDiagnostic('OT2003', 'a.ot', span, { name: 'x' });
    const capped = capDiagnostics([...Array<typeof error>(150).fill(warning), error], 'a.ot');
    expect(capped).toHaveLength(101);
    expect(formatSummary(capped)).toBe('1 error, 150 warnings');
  });
});

describe('shouldUseColor', () => {
  it('uses colour only on a terminal without NO_COLOR', () => {
    expect(shouldUseColor({ isTTY: true }, {})).toBe(true);
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(shouldUseColor({ isTTY: false }, {})).toBe(false);
    expect(shouldUseColor({}, {})).toBe(false);
  });
});
