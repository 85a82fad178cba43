/** Ends an exhaustive switch: a new union member makes the compiler point here. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
