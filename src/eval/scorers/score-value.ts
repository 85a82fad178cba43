import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import { OtError } from '../../diagnostics/ot-error.js';
import { createSpan } from '../../source/span.js';
import type { ScoreValue } from '../eval-types.js';

/**
 * A judge's or a function's answer as a score: a boolean, a number in [0, 1], null (not
 * scored), or the text of one (`true`, `yes`, `0.5`). Anything else is OT4031.
 */
export function scoreValue(value: unknown, scorer: string, what: string): ScoreValue {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number' && value >= 0 && value <= 1) return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true' || text === 'yes') return true;
    if (text === 'false' || text === 'no') return false;
    const number = text === '' ? NaN : Number(text);
    if (number >= 0 && number <= 1) return number;
  }
  const shown = JSON.stringify(value) ?? String(value);
  throw new OtError([
    createDiagnostic('OT4031', '', createSpan(0, 0), {
      name: scorer,
      what,
      value: shown.length > 60 ? `${shown.slice(0, 60)}…` : shown,
    }),
  ]);
}
