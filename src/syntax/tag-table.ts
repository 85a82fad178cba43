/**
 * Which tags exist and how they nest. The parser reads tags one at a time; the tree builder
 * uses this table to pair openers with their middle and end tags.
 */

/** A tag that opens a block, with the tags that may continue and close it. */
export interface BlockTagInfo {
  /** The tag that closes the block, e.g. `endif`. */
  end: string;
  /** Tags that split the block's body, e.g. `elif` and `else`. */
  middles: readonly string[];
}

/** The block tags of `.ot` (the `set` capture form opens a block only without `=`). */
export const blockTags: Readonly<Record<string, BlockTagInfo>> = {
  if: { end: 'endif', middles: ['elif', 'elseif', 'else'] },
  for: { end: 'endfor', middles: ['else'] },
  set: { end: 'endset', middles: [] },
  macro: { end: 'endmacro', middles: [] },
  call: { end: 'endcall', middles: [] },
  filter: { end: 'endfilter', middles: [] },
  fork: { end: 'endfork', middles: [] },
  branch: { end: 'endbranch', middles: [] },
  role: { end: 'endrole', middles: [] },
  raw: { end: 'endraw', middles: [] },
  verbatim: { end: 'endverbatim', middles: [] },
};

/**
 * Tags nunjucks knows that `.ot` does not support, with the end tag of those that open a block
 * (null for single tags). They become UnsupportedTag nodes, which lowering reports.
 */
export const unsupportedTags: Readonly<Record<string, string | null>> = {
  extends: null,
  import: null,
  from: null,
  block: 'endblock',
  switch: 'endswitch',
  case: null,
  default: null,
  ifAsync: 'endif',
  asyncEach: 'endeach',
  asyncAll: 'endall',
};

/** Every end tag name that closes some block. */
export const endTagNames: readonly string[] = [
  ...new Set([
    ...Object.values(blockTags).map((info) => info.end),
    ...Object.values(unsupportedTags).filter((end): end is string => end !== null),
  ]),
];

/** The end tag that closes `tag`, or null when `tag` opens no block. */
export function endTagOf(tag: string): string | null {
  if (Object.hasOwn(blockTags, tag)) return blockTags[tag]!.end;
  if (Object.hasOwn(unsupportedTags, tag)) return unsupportedTags[tag]!;
  return null;
}
