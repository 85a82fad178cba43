import { buildEvalSummary } from '../../src/eval/build-eval-summary.js';
import type { EvalResultRow } from '../../src/eval/eval-types.js';
import type { EvalReportData, TraceLine } from '../../src/report/report-data.js';

/** Strings that would break out of the data element or run code if the report mishandled them. */
export const HOSTILE = [
  '</script><script>window.__pwned = 1</script>',
  '<!--<script>window.__pwned = 2</script>',
  '<img src=x onerror="window.__pwned = 3">',
  '</SCRIPT ><svg onload=window.__pwned=4>',
  '\u2028\u2029 & &amp; <b>bold</b>',
].join(' ');

const questions = ['capital of France', 'capital of Peru', 'capital of Chad', 'capital of Laos'];
const answers: Record<string, string[]> = {
  // Per backend, the answers to the four questions (row 3 on claude fails).
  claude: ['Paris', 'Lima', 'Lagos', ''],
  gpt: ['Paris', 'Lima', "N'Djamena", 'Vientiane'],
};
const truth = ['Paris', 'Lima', "N'Djamena", 'Vientiane'];

function traceLine(
  backend: string,
  row: number,
  prompt: string,
  reply: string,
  start: number,
  end: number,
  cached: boolean,
): TraceLine {
  return {
    builtin: 'generate_text',
    prompt,
    messages: null,
    args: { temperature: 0 },
    result: reply,
    cached,
    sample: `${row}:0`,
    backend,
    start_ms: start,
    end_ms: end,
    location: 'qa.ot:4:3',
    usage: cached ? { input_tokens: 0, output_tokens: 0 } : { input_tokens: 20, output_tokens: 5 },
    cost_usd: cached ? 0 : 0.0005,
    row,
  };
}

/** Eight results (two backends × four rows), with one cache hit and one failure. */
export function fixtureResults(): EvalResultRow[] {
  const results: EvalResultRow[] = [];
  for (const backend of ['claude', 'gpt']) {
    questions.forEach((question, row) => {
      const text = answers[backend]![row]!;
      const failed = backend === 'claude' && row === 3;
      // Rows overlap in time; gpt's row 0 is a cache hit.
      const start = row * 150 + (backend === 'gpt' ? 40 : 0);
      const cached = backend === 'gpt' && row === 0;
      const end = cached ? start + 1 : start + 300;
      const prompt = row === 1 ? `Q: ${question} ${HOSTILE}` : `Q: ${question}`;
      const calls = [traceLine(backend, row, prompt, failed ? '' : text, start, end, cached)];
      if (failed) calls[0]!.error = 'rate limited';
      results.push({
        row,
        flow: 'qa',
        backend,
        sample: 0,
        inputs: { question },
        text: row === 1 && backend === 'gpt' ? `Lima ${HOSTILE}` : text,
        outputs: {},
        scores: failed ? {} : { exact: text === truth[row], len: text.length / 10 },
        usage: { input_tokens: 20, output_tokens: 5 },
        cost_usd: cached ? 0 : 0.0005,
        latency_ms: end - start,
        ...(failed ? { error: 'rate limited' } : {}),
        calls,
      });
    });
  }
  return results;
}

/** The report data of the fixture results, summarized by buildEvalSummary. */
export function fixtureReport(): EvalReportData {
  const results = fixtureResults();
  return {
    title: 'Capitals eval',
    created_at: '2025-01-02T03:04:05Z',
    summary: buildEvalSummary(results, ['exact', 'len']),
    results,
  };
}
