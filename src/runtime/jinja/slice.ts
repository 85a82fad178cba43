import { describeType, describeValue } from './describe-value.js';
import { JinjaError } from './jinja-error.js';
import { isSafeString, SafeString } from './safe-string.js';

/**
 * `obj[start:stop:step]`. Plain nunjucks cannot parse slices (only its `installJinjaCompat`
 * adds them, with bugs: out-of-range stops yield trailing undefineds and a string slices into a
 * list), so we follow Jinja, i.e. Python: negative indices count from the end, out-of-range
 * bounds are clamped, a missing (none/undefined) bound takes its default, a string slices into a
 * string and a list into a new list. undefined and null slice to an empty list, as in
 * nunjucks-compat. A step of 0, a non-integer bound or an unsliceable value is OT4012.
 */
export function sliceValue(object: unknown, start: unknown, stop: unknown, step: unknown): unknown {
  const stride = sliceBound(step) ?? 1;
  if (stride === 0) throw new JinjaError('OT4012', { what: 'with a step of 0' });
  if (object === undefined || object === null) return [];
  if (typeof object === 'string') return sliceString(object, start, stop, stride);
  if (isSafeString(object)) return new SafeString(sliceString(object.val, start, stop, stride));
  if (!Array.isArray(object)) throw new JinjaError('OT4012', { what: describeType(object) });
  const [from, count] = sliceRange(object.length, sliceBound(start), sliceBound(stop), stride);
  const result: unknown[] = new Array(count);
  for (let i = 0; i < count; i++) result[i] = object[from + i * stride];
  return result;
}

function sliceString(text: string, start: unknown, stop: unknown, stride: number): string {
  const [from, count] = sliceRange(text.length, sliceBound(start), sliceBound(stop), stride);
  if (stride === 1) return text.slice(from, from + count);
  let result = '';
  for (let i = 0; i < count; i++) result += text[from + i * stride];
  return result;
}

/** An index as Python accepts it: an integer, or none/undefined for "the default". */
function sliceBound(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  throw new JinjaError('OT4012', { what: `with the index ${describeValue(value)}` });
}

/** CPython's PySlice_AdjustIndices: the first index and how many items the slice takes. */
function sliceRange(
  length: number,
  start: number | null,
  stop: number | null,
  step: number,
): [number, number] {
  const first = clamp(start, length, step, step < 0 ? length - 1 : 0);
  const end = clamp(stop, length, step, step < 0 ? -1 : length);
  if (step > 0) return [first, first < end ? Math.floor((end - first - 1) / step) + 1 : 0];
  return [first, end < first ? Math.floor((first - end - 1) / -step) + 1 : 0];
}

function clamp(index: number | null, length: number, step: number, fallback: number): number {
  if (index === null) return fallback;
  if (index < 0) {
    const shifted = index + length;
    return shifted < 0 ? (step < 0 ? -1 : 0) : shifted;
  }
  return index >= length ? (step < 0 ? length - 1 : length) : index;
}
