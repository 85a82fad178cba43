// Render time of call-free templates against nunjucks on the same templates and data (issue 2):
// a 30 KB prompt-like file and a 1 KB one. Ratios are nunjucks' time ÷ ours (> 1: we are faster).
import { pathToFileURL } from 'node:url';
import nunjucks from 'nunjucks';
import { loadProgram } from '../dist/ir/load-program.js';
import { renderSync } from '../dist/runtime/interpreter/interpret.js';
import { promptLikeTemplate } from './prompt-like.mjs';

function measure(fn, minMs = 300) {
  for (let i = 0; i < 20; i++) fn();
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn();
    runs++;
  }
  return (performance.now() - start) / runs;
}

export async function benchRender() {
  const rows = [];
  for (const [name, size] of [
    ['1 KB', 1_000],
    ['30 KB', 30_000],
  ]) {
    const { source, context } = promptLikeTemplate(size);
    const env = new nunjucks.Environment(null, { autoescape: false });
    const compiledNunjucks = nunjucks.compile(source, env);
    const { program } = loadProgram('bench.ot', { source });
    const entry = program.templates[program.entry];
    const services = {
      program,
      locate: () => '',
      track: () => {},
      callBuiltin: () => Promise.reject(new Error('no calls')),
      loadTemplate: () => {
        throw new Error('no includes');
      },
    };
    const ours = renderSync(entry, context, services);
    const theirs = compiledNunjucks.render(context);
    if (ours !== theirs) throw new Error(`render mismatch on the ${name} template`);
    const oursMs = measure(() => renderSync(entry, context, services));
    const theirsMs = measure(() => compiledNunjucks.render(context));
    rows.push({
      name: `render ${name} (${source.length} chars)`,
      ours_ms: oursMs.toFixed(4),
      nunjucks_ms: theirsMs.toFixed(4),
      ratio: `${(theirsMs / oursMs).toFixed(2)}×`,
    });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchRender());
}
