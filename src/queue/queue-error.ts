import { diagnosticCatalog } from '../diagnostics/catalog.js';

/**
 * The one-line message of a queue problem, `OT4026: …`: these concern the queue or a worker,
 * not a place in a file, so they are printed without a code frame.
 */
export function queueMessage(
  code: 'OT4026' | 'OT4027' | 'OT4028',
  args: Record<string, string>,
): string {
  const text = diagnosticCatalog[code].message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in args ? args[name]! : whole,
  );
  return `${code}: ${text}`;
}
