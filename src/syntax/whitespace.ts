import type { FlatItem } from './flat-items.js';

/**
 * nunjucks' whitespace control, applied to the flat sequence. A `-` on the inner side of a
 * delimiter (`{%-`, `-%}`, `{{-`, `-}}`, `{#-`, `-#}`, and `<<-`, `->>` alike) removes all
 * whitespace (JavaScript's `\s`, newlines included) from the adjacent text, up to the next
 * non-blank character. nunjucks strips with the regular expressions `^\s*` and `\s*$`, which
 * remove exactly what `trimStart` and `trimEnd` remove. `trimBlocks` and `lstripBlocks` are off,
 * as in nunjucks' defaults.
 *
 * A Text node's value becomes the trimmed text (its span still covers the raw text); text
 * trimmed to nothing is dropped.
 */
export function applyWhitespaceControl(items: FlatItem[]): FlatItem[] {
  const result: FlatItem[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind !== 'text') {
      result.push(item);
      continue;
    }
    const previous = items[i - 1];
    const next = items[i + 1];
    let value = item.node.value;
    if (previous !== undefined && previous.kind !== 'text' && previous.trimAfter) {
      value = value.trimStart();
    }
    if (next !== undefined && next.kind !== 'text' && next.trimBefore) value = value.trimEnd();
    if (value === '') continue;
    // The node is fresh (built for this item), so it is trimmed in place.
    item.node.value = value;
    result.push(item);
  }
  return result;
}
