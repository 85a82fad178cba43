/** Ends every switch over a node union, so adding a kind makes the compiler list each place to update. */
export function assertNever(value: never): never {
  throw new Error(`unexpected node: ${JSON.stringify(value)}`);
}
