const ids = new WeakMap<object, number>();
let next = 0;

/**
 * A small number identifying an IR node object, for instantiation keys: the same call site
 * reached through two macro invocations is two calls, reached twice by loop passes it is one.
 */
export function nodeKey(node: object): number {
  let id = ids.get(node);
  if (id === undefined) {
    id = ++next;
    ids.set(node, id);
  }
  return id;
}
