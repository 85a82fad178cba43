/** One line of an `ot run --trace` file (ARCHITECTURE.md §4), the parts shown here. */
interface TraceLine {
  builtin: string;
  prompt: string | null;
  messages: { role: string; content: string }[] | null;
  result: unknown;
  cached: boolean;
  sample: string;
  backend: string;
  start_ms: number;
  end_ms: number;
  location: string;
}

/** The trace, one call per paragraph: where, which builtin, how long, what it was asked and said. */
export function formatTrace(jsonl: string): string {
  const lines = jsonl.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return 'no model calls\n';
  return lines
    .map((line) => {
      const call = JSON.parse(line) as TraceLine;
      const prompt =
        call.prompt ??
        (call.messages ?? []).map((message) => `${message.role}: ${message.content}`).join('\n');
      const result = typeof call.result === 'string' ? call.result : JSON.stringify(call.result);
      const sample = call.sample === '' ? '' : ` sample ${call.sample}`;
      return [
        `${call.location}  ${call.builtin}${sample} on ${call.backend}, ${Math.round(call.start_ms)}–${Math.round(call.end_ms)} ms${call.cached ? ' (cached)' : ''}`,
        indent(`prompt: ${excerpt(prompt)}`),
        indent(`reply:  ${excerpt(result)}`),
      ].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

function excerpt(text: string, limit = 400): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `…${flat.slice(flat.length - limit)}` : flat;
}

function indent(text: string): string {
  return `    ${text}`;
}
