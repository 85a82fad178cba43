import { isOtError } from '../diagnostics/ot-error.js';

/** Whether `error` refuses a computed include/flow path (OT4016), which `ignore missing` must not hide. */
export function isPathRefusal(error: unknown): boolean {
  return isOtError(error) && error.diagnostics.some((d) => d.code === 'OT4016');
}
