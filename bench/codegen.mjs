// Render time of call-free templates (issue 5): the compiled module against the interpreter and
// against nunjucks' own compiled templates, side by side in one run, on the prompt-like
// templates of bench/prompt-like.mjs. Ratios are the other's time ÷ the compiled module's
// (> 1: compiled is faster). Also the size of `ot-lang/runtime` and of a `--bundle`d module.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import nunjucks from 'nunjucks';
import { generate } from '../dist/codegen/generate.js';
import { bundleModule } from '../dist/codegen/bundle.js';
import { renderCompiledSync } from '../dist/codegen/runtime/render.js';
import { loadProgram } from '../dist/ir/load-program.js';
import { renderSync } from '../dist/runtime/interpreter/interpret.js';
import { promptLikeTemplate } from './prompt-like.mjs';

const runtimeEntry = new URL('../dist/runtime/index.js', import.meta.url);

/**
 * Milliseconds per call of each function: rounds that take turns, each round's mean, the best
 * round kept — on a busy machine the fastest round is the least disturbed one.
 */
function measureSideBySide(fns, rounds = 10, roundMs = 100) {
  const best = fns.map(() => Infinity);
  for (let round = 0; round < rounds; round++) {
    fns.forEach((fn, i) => {
      for (let w = 0; w < 10; w++) fn();
      let runs = 0;
      const start = performance.now();
      while (performance.now() - start < roundMs) {
        fn();
        runs++;
      }
      best[i] = Math.min(best[i], (performance.now() - start) / runs);
    });
  }
  return best;
}

/** Run services for rendering without calls. */
function callFree(program) {
  return {
    program,
    locate: () => '',
    track: () => {},
    callBuiltin: () => Promise.reject(new Error('no calls')),
    loadTemplate: () => {
      throw new Error('no includes');
    },
  };
}

/** Compiles `source` to a module in a scratch directory and imports it. */
async function compileModule(source, dir, name) {
  const loaded = loadProgram(join(dir, `${name}.ot`), { source });
  const { code } = generate(loaded.program, {
    sources: loaded.sources,
    runtimeImport: runtimeEntry.href,
  });
  const path = join(dir, `${name}.mjs`);
  writeFileSync(path, code);
  return { loaded, module: await import(pathToFileURL(path).href), code };
}

export async function benchCodegen() {
  const dir = mkdtempSync(join(tmpdir(), 'ot-bench-codegen-'));
  const rows = [];
  try {
    for (const [name, size] of [
      ['1 KB', 1_000],
      ['30 KB', 30_000],
    ]) {
      const { source, context } = promptLikeTemplate(size);
      const { loaded, module } = await compileModule(source, dir, `bench-${size}`);
      const { program } = loaded;
      const entry = program.templates[program.entry];
      const services = callFree(program);
      const compiledEntry = module.program.templates.templates[module.program.entry];
      const compiledServices = callFree({
        kind: 'program',
        entry: program.entry,
        templates: { [program.entry]: compiledEntry.template },
      });
      const env = new nunjucks.Environment(null, { autoescape: false });
      const theirs = nunjucks.compile(source, env);

      const interpretedText = renderSync(entry, context, services);
      const compiledText = renderCompiledSync(compiledEntry, context, compiledServices);
      const nunjucksText = theirs.render(context);
      if (compiledText !== interpretedText || compiledText !== nunjucksText)
        throw new Error(`render mismatch on the ${name} template`);

      const [compiledMs, interpretedMs, nunjucksMs] = measureSideBySide([
        () => renderCompiledSync(compiledEntry, context, compiledServices),
        () => renderSync(entry, context, services),
        () => theirs.render(context),
      ]);
      rows.push({
        name: `render ${name} (${source.length} chars)`,
        compiled_ms: compiledMs.toFixed(4),
        interpreted_ms: interpretedMs.toFixed(4),
        nunjucks_ms: nunjucksMs.toFixed(4),
        'interpreted ÷ compiled': `${(interpretedMs / compiledMs).toFixed(2)}×`,
        'nunjucks ÷ compiled': `${(nunjucksMs / compiledMs).toFixed(2)}×`,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** Bytes of `ot-lang/runtime` bundled and minified (and gzipped), and of a `--bundle`d sample. */
export async function measureSizes() {
  const runtime = await build({
    entryPoints: [runtimeEntry.pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    minify: true,
    logLevel: 'silent',
  });
  const runtimeCode = runtime.outputFiles[0].contents;
  const sample = loadProgram(new URL('../samples/qa-chain.ot', import.meta.url).pathname);
  const { code } = generate(sample.program, {
    sources: sample.sources,
    runtimeImport: 'ot-lang/runtime',
  });
  const bundled = Buffer.from((await bundleModule(code)).code);
  const bundledMin = Buffer.from((await bundleModule(code, { minify: true })).code);
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
  return [
    {
      what: 'ot-lang/runtime, bundled + minified',
      bytes: kb(runtimeCode.length),
      gzip: kb(gzipSync(runtimeCode).length),
    },
    {
      what: 'samples/qa-chain.ot compiled (imports ot-lang/runtime)',
      bytes: kb(Buffer.byteLength(code)),
      gzip: kb(gzipSync(code).length),
    },
    {
      what: 'samples/qa-chain.ot --bundle',
      bytes: kb(bundled.length),
      gzip: kb(gzipSync(bundled).length),
    },
    {
      what: 'samples/qa-chain.ot --bundle, minified',
      bytes: kb(bundledMin.length),
      gzip: kb(gzipSync(bundledMin).length),
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchCodegen());
  console.table(await measureSizes());
}
