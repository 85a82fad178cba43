import { FUNCTION_TEXT } from './function-text.js';
import { isSafeString } from './safe-string.js';
import { notText, TemplateImage } from './template-image.js';
import { toJsonValue } from './to-json-value.js';

/**
 * The text `{{ value }}` produces: nunjucks' `suppressValue(value, false)` followed by the
 * compiled `output += value`. So undefined and null give '', a SafeString gives its text, and
 * everything else goes through JavaScript's `'' + value` (arrays join with commas, objects give
 * `[object Object]`, numbers print as JavaScript prints them).
 */
export function renderOutput(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  // Unlike nunjucks, never a function's source (README, "Sandbox and threat model").
  if (typeof value === 'function') return FUNCTION_TEXT;
  // `'' + value` (hint "default": valueOf first) is what nunjucks' generated code does; a
  // template literal would use toString first and could differ.
  return '' + (value as string);
}

/**
 * The text of one call-block term (LANGUAGE.md §4): what `{{ term }}` renders, except that a
 * list or a plain object renders as compact JSON.
 */
export function renderCallTerm(value: unknown): string {
  if (value instanceof TemplateImage) {
    throw notText(value.source, 'as a call-block term (place it with `{{ }}` before the call)');
  }
  if (typeof value === 'object' && value !== null && !isSafeString(value)) {
    if (Array.isArray(value) || isPlainRecord(value)) return JSON.stringify(toJsonValue(value));
  }
  return renderOutput(value);
}

/** An object whose class tag is `Object` (what nunjucks' `lib.isObject` accepts). */
function isPlainRecord(value: object): boolean {
  return Object.prototype.toString.call(value) === '[object Object]';
}
