/** The value a test writer stores: self-describing, so a reader can check it is whole. */
export function diskTestValue(writer: string, key: string, sequence: number, size: number): string {
  return JSON.stringify({ writer, key, sequence, pad: writer.repeat(size), end: true });
}

/** Checks a value read back is one that `diskTestValue` wrote for this key; returns its writer. */
export function checkDiskTestValue(
  text: string,
  key: string,
  sizes: Record<string, number>,
): string {
  const value = JSON.parse(text) as { writer: string; key: string; pad: string; end: boolean };
  const size = sizes[value.writer];
  if (size === undefined) throw new Error(`unknown writer ${value.writer}`);
  if (value.key !== key) throw new Error(`entry of ${key} holds ${value.key}`);
  if (value.pad !== value.writer.repeat(size) || value.end !== true)
    throw new Error(`entry of ${key} is not whole`);
  return value.writer;
}
