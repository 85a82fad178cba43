// A prompt-like template of about `size` characters: instructions, examples in loops, filters,
// conditions and a macro, the way real prompt files look; and a context to render it with.
export function promptLikeTemplate(size) {
  const block = `
{# One few-shot section #}
## Examples for {{ task | title }}
{% for ex in examples %}
{%- if ex.good %}
Example {{ loop.index }} of {{ loop.length }} (good): {{ ex.input | trim }} => {{ ex.output | upper }}
{%- else %}
Example {{ loop.index }}: {{ ex.input | replace("a", "A") }} => {{ ex.output | default("n/a") }}
{%- endif %}
{% endfor %}
{% set tone = "formal" if formal else "casual" %}
Write in a {{ tone }} tone, at most {{ limit * 2 }} words, for {{ audience | join(", ") }}.
{{ note(task) }}
`;
  const header = `{% macro note(t) %}Remember: the {{ t }} must be accurate; cite {{ sources | length }} sources.{% endmacro %}
You are a careful assistant. Follow the instructions exactly.
`;
  let source = header;
  while (source.length < size) source += block;
  const context = {
    task: 'summary of quarterly results',
    formal: true,
    limit: 60,
    audience: ['investors', 'staff', 'press'],
    sources: ['10-K', 'call transcript', 'press release'],
    examples: Array.from({ length: 6 }, (_, i) => ({
      input: `  Revenue grew ${i + 3}% and margins held at ${20 + i}%.  `,
      output: `up ${i + 3}%, margin ${20 + i}%`,
      good: i % 2 === 0,
    })),
  };
  return { source, context };
}
