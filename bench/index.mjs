// `npm run bench`: every benchmark, each printing ratios measured side by side in this one run.
const suites = [
  ['start-up (vs node -e 0)', './startup.mjs', 'benchStartup'],
  ['parse (ours vs nunjucks)', './parse.mjs', 'benchParse'],
  ['render (ours vs nunjucks)', './render.mjs', 'benchRender'],
  ['runtime (scheduling, overhead, replay)', './runtime.mjs', 'benchRuntime'],
  ['cache', './cache.mjs', 'benchCache'],
  ['scale (--inputs rows, HTTP)', './scale.mjs', 'benchScale'],
  ['evaluations (ot eval vs ot run --inputs)', './eval.mjs', 'benchEval'],
  ['rate limits (rpm, AIMD, Retry-After)', './rate-limit.mjs', 'benchRateLimit'],
  ['compiled modules (ot compile)', './codegen.mjs', 'benchCodegen'],
  ['language server', './lsp.mjs', 'benchLsp'],
  ['plan analysis (linear in the file)', './plan.mjs', 'benchPlan'],
  ['hostile input (time and peak memory)', './hostile.mjs', 'benchHostile'],
  ['queued runs (ot worker)', './queue.mjs', 'benchQueue'],
];

for (const [title, file, exported] of suites) {
  console.log(`\n## ${title}`);
  try {
    const module = await import(file);
    console.table(await module[exported]());
  } catch (error) {
    console.log(`(skipped: ${error instanceof Error ? error.message : String(error)})`);
  }
}
