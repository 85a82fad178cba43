/**
 * A reply cut at the earliest occurrence of any stop string, the stop string excluded, as
 * OneTwo's test backend and real models do. Empty stop strings stop nothing.
 */
export function truncateAtStop(reply: string, stop: readonly string[] | undefined): string {
  let end = reply.length;
  for (const s of stop ?? []) {
    if (s === '') continue;
    const at = reply.indexOf(s);
    if (at !== -1 && at < end) end = at;
  }
  return reply.slice(0, end);
}
