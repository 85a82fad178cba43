import type { TraceEvent, TraceImage } from '../../runtime/trace.js';

/** One call of `--dry-run`: where it is, whether the cache has it, and the prompt it would send. */
export function printDryRunCall(event: TraceEvent): string {
  const status = event.cached ? 'cached' : 'not cached: would call the backend';
  const sample = event.sample === '' ? '' : ` sample ${JSON.stringify(event.sample)}`;
  const header = `── ${event.location || '(api)'} ${event.builtin}${sample} on ${event.backend} [${status}]`;
  const body =
    event.messages !== null
      ? event.messages
          .map((m) => `[${m.role}] ${m.content}${(m.images ?? []).map(imageMark).join('')}`)
          .join('\n')
      : (event.prompt ?? '');
  return `${header}\n${body}\n`;
}

/** The closing line of `--dry-run`. */
export function printDryRunSummary(events: readonly TraceEvent[]): string {
  const cached = events.filter((e) => e.cached).length;
  return `── ${events.length} call${events.length === 1 ? '' : 's'}: ${cached} cached, ${events.length - cached} would call the backend\n`;
}

/** An image of a message, after its text: what it is, never its bytes. */
function imageMark(image: TraceImage): string {
  return 'url' in image
    ? ` [image ${image.url}]`
    : ` [image ${image.media_type}, ${image.bytes} bytes, sha256:${image.sha256.slice(0, 12)}]`;
}
