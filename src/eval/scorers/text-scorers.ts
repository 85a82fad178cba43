import type { Template } from '../../template.js';
import { renderScorerTemplate } from './scorer-template.js';
import { asText, type Scorer } from './scorer-types.js';

/** `equals`: the scored text equals the rendered template, both trimmed. */
export function equalsScorer(name: string, output: string | null, expected: Template): Scorer {
  return {
    name,
    output,
    async score(input, run) {
      const want = await renderScorerTemplate(expected, input, run);
      return asText(input.output).trim() === want.trim();
    },
  };
}

/** `contains`: the scored text contains the rendered template (trimmed). */
export function containsScorer(name: string, output: string | null, needle: Template): Scorer {
  return {
    name,
    output,
    async score(input, run) {
      const want = await renderScorerTemplate(needle, input, run);
      return asText(input.output).includes(want.trim());
    },
  };
}

/** `regex`: the rendered pattern (`^[A-Z]`, or `/pattern/flags`) matches the scored text. */
export function regexScorer(name: string, output: string | null, pattern: Template): Scorer {
  return {
    name,
    output,
    async score(input, run) {
      const source = await renderScorerTemplate(pattern, input, run);
      return compileRegex(source).test(asText(input.output));
    },
  };
}

/** `/body/flags` as a RegExp with flags, anything else as a pattern; throws on a bad pattern. */
export function compileRegex(source: string): RegExp {
  const slashed = /^\/(.*)\/([dgimsuvy]*)$/s.exec(source);
  return slashed ? new RegExp(slashed[1]!, slashed[2]) : new RegExp(source);
}
