import type { Diagnostic } from '../diagnostics/index.js';
import { isCapNote, noteCounts } from '../diagnostics/index.js';

/**
 * The closing line of `ot check`, e.g. `2 errors, 1 warning`. It counts every problem, those a
 * file's "and N more" note (OT1014/OT1015) stands for included, and not the note itself.
 */
export function formatSummary(diagnostics: readonly Diagnostic[]): string {
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of diagnostics) {
    if (isCapNote(diagnostic)) {
      const hidden = noteCounts(diagnostic);
      errors += hidden.error;
      warnings += hidden.warning;
    } else if (diagnostic.severity === 'error') errors++;
    else if (diagnostic.severity === 'warning') warnings++;
  }
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
