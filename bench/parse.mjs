// Parse throughput: our parse() (lexer, parser, CST → AST, diagnostics) against nunjucks' own
// parser (`nunjucks/src/parser`, lexer included), side by side in one run, on prompt-like
// templates of about 30 KB and 1 KB. Call blocks are plain text to nunjucks, so the inputs use
// none. Build first: `npx tsc -p tsconfig.build.json`, then `node bench/parse.mjs`.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parse } from '../dist/syntax/index.js';
import { promptLikeTemplate } from './prompt-like.mjs';

const require = createRequire(import.meta.url);
const nunjucksParser = require('nunjucks/src/parser');

/** Mostly prose, as long system prompts are: instructions with a few variables and branches. */
function proseTemplate(size) {
  const section = (i) => `
## Part ${i}: how to answer

Read the customer's message below and answer it in the customer's language. Be concise and
friendly, never promise refunds you cannot grant, and always end with a question that moves the
conversation forward. If the customer mentions an order, quote its number exactly as written.
{% if customer.vip %}This customer is a VIP: thank them for their loyalty first.{% endif %}
Customer: {{ customer.name | default("unknown") }} ({{ customer.orders | length }} orders)
Message: {{ message | trim }}
`;
  let source = '';
  for (let i = 1; source.length < size; i++) source += section(i);
  return source;
}

/**
 * Milliseconds per call for each function, measured in alternating rounds so both sides run
 * under the same conditions; each side's fastest round is kept, the figure least disturbed by
 * other processes sharing the machine.
 */
function measure(functions, budgetMs) {
  const best = functions.map(() => Infinity);
  for (const fn of functions) for (let i = 0; i < 20; i++) fn(); // warm up the JITs
  const deadline = performance.now() + budgetMs;
  while (performance.now() < deadline) {
    functions.forEach((fn, index) => {
      const start = performance.now();
      let runs = 0;
      do {
        fn();
        runs++;
      } while (performance.now() - start < 2);
      best[index] = Math.min(best[index], (performance.now() - start) / runs);
    });
  }
  return best;
}

/** Rows `{ name, ours_ms, theirs_ms, ratio }`; ratio > 1 means we are faster. */
export async function benchParse() {
  const inputs = [
    ['prompt-like 30 KB', promptLikeTemplate(30_000).source],
    ['prompt-like 1 KB', promptLikeTemplate(1_000).source],
    ['prose 30 KB', proseTemplate(30_000)],
    ['prose 1 KB', proseTemplate(1_000)],
  ];
  const rows = [];
  for (const [name, source] of inputs) {
    const { diagnostics } = parse(source);
    if (diagnostics.length > 0) throw new Error(`${name}: ${diagnostics[0].message}`);
    const [ours, theirs] = measure(
      [() => parse(source), () => nunjucksParser.parse(source, [], {})],
      2000,
    );
    rows.push({
      name: `${name} (${source.length} chars)`,
      ours_ms: round(ours),
      theirs_ms: round(theirs),
      ratio: round(theirs / ours),
    });
  }
  return rows;
}

function round(value) {
  return Math.round(value * 1000) / 1000;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchParse());
}
