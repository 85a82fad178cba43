/**
 * The sample key of the `index`-th sample or branch within a context whose key is `base`
 * (LANGUAGE.md §7–8). At the top level, index 0 keeps the empty key and others are "1", "2", …;
 * inside a keyed context every index is appended with `#` ("1#0", "1#1"), as in OneTwo's
 * `repeat`, so nested samples never collide with their parent.
 */
export function childSampleKey(base: string, index: number): string {
  if (base === '') return index === 0 ? '' : String(index);
  return `${base}#${index}`;
}
