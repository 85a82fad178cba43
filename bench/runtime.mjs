// Runtime benchmarks (issue 3), every ratio measured side by side in one run:
// (a) wall time ÷ critical path for a fan-out of 100 and a 5-deep chain at 50 ms fake latency;
// (b) runtime overhead per call at 0 ms latency, against bare Promise.all over the same fake;
// (c) replay of 10,000 cached calls from memory and from the disk store;
// (d) the same fan-out one call at a time (OneTwo's default), to show the speed-up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createFakeBackend, createRegistry, openCache, run, template } from '../dist/index.js';

const LATENCY = 50;

function fake(latency, options = {}) {
  return createFakeBackend({ latency_ms: latency, default: 'ok' }, 'fake', options);
}

async function timeRun(
  source,
  inputs,
  { latency = LATENCY, cache, concurrency, backendConcurrency } = {},
) {
  const registry = createRegistry([
    fake(latency, backendConcurrency ? { concurrency: backendConcurrency } : {}),
  ]);
  const compiled = template(source, { path: 'bench.ot' });
  const start = performance.now();
  await run(compiled.run(inputs), {
    registry,
    ...(cache ? { cache } : {}),
    ...(concurrency ? { concurrency } : {}),
  });
  return performance.now() - start;
}

const fanOut = (n) => [
  `{% for i in range(${n}) %}<< generate_text("item " ~ i) >>{% endfor %}`,
  {},
];
const chain = (depth) => [
  Array.from({ length: depth }, (_, i) => `Step ${i}: << generate_text() >>\n`).join(''),
  {},
];

export async function benchRuntime() {
  const rows = [];

  // (a) critical-path ratio, after one warm-up run so the JIT has compiled the runtime.
  const [fanSource] = fanOut(100);
  await timeRun(fanSource, {}, { concurrency: 1000, backendConcurrency: 1000 });
  const fanMs = await timeRun(fanSource, {}, { concurrency: 1000, backendConcurrency: 1000 });
  rows.push({
    name: '(a) fan-out 100 @50ms: wall ÷ critical path',
    value: (fanMs / LATENCY).toFixed(3),
    target: '≤ 1.05',
  });
  const [chainSource] = chain(5);
  const chainMs = await timeRun(chainSource, {});
  rows.push({
    name: '(a) chain depth 5 @50ms: wall ÷ critical path',
    value: (chainMs / (5 * LATENCY)).toFixed(3),
    target: '≤ 1.05',
  });

  // (b) overhead per call at 0 ms, against Promise.all over the same backend.
  const N = 5000;
  const [zeroSource] = fanOut(N);
  const backend = fake(0, { concurrency: 100000 });
  const bare = async () => {
    const start = performance.now();
    await Promise.all(
      Array.from({ length: N }, (_, i) =>
        backend.complete({
          prompt: `item ${i}`,
          messages: null,
          args: {},
          responseSchema: null,
          choices: null,
          builtin: 'generate_text',
          signal: new AbortController().signal,
        }),
      ),
    );
    return performance.now() - start;
  };
  await bare();
  const bareMs = Math.min(await bare(), await bare(), await bare());
  const zeroRun = async () =>
    timeRun(
      zeroSource,
      {},
      {
        latency: 0,
        cache: await openCache('off', { cwd: '.' }),
        concurrency: 100000,
        backendConcurrency: 100000,
      },
    );
  const oursMs = Math.min(await zeroRun(), await zeroRun(), await zeroRun());
  rows.push({
    name: `(b) overhead per call, ${N} calls @0ms (ours − Promise.all) ÷ N`,
    value: `${(((oursMs - bareMs) / N) * 1000).toFixed(2)} µs`,
    target: '≤ 5 µs',
  });

  // (c) replay of 10,000 cached calls.
  const [replaySource] = fanOut(10000);
  const memory = await openCache('memory', { cwd: '.' });
  await timeRun(
    replaySource,
    {},
    { latency: 0, cache: memory, concurrency: 100000, backendConcurrency: 100000 },
  );
  const memoryMs = await timeRun(replaySource, {}, { latency: 0, cache: memory });
  rows.push({
    name: '(c) replay 10,000 cached calls, memory',
    value: `${memoryMs.toFixed(0)} ms`,
    target: '≤ 100 ms',
  });
  const dir = mkdtempSync(join(tmpdir(), 'ot-bench-cache-'));
  const disk = await openCache(dir, { cwd: '.' });
  await timeRun(
    replaySource,
    {},
    { latency: 0, cache: disk, concurrency: 100000, backendConcurrency: 100000 },
  );
  await disk.close();
  const diskAgain = await openCache(dir, { cwd: '.' });
  const diskMs = await timeRun(replaySource, {}, { latency: 0, cache: diskAgain });
  await diskAgain.close();
  rmSync(dir, { recursive: true, force: true });
  rows.push({
    name: '(c) replay 10,000 cached calls, disk store',
    value: `${diskMs.toFixed(0)} ms`,
    target: '≤ 500 ms',
  });

  // (d) one call at a time, as OneTwo runs by default.
  const [smallFan] = fanOut(20);
  const parallelMs = await timeRun(smallFan, {});
  const sequentialMs = await timeRun(smallFan, {}, { concurrency: 1 });
  rows.push({
    name: '(d) fan-out 20 @50ms: one-at-a-time ÷ ot',
    value: `${(sequentialMs / parallelMs).toFixed(1)}×`,
    target: '(speed-up)',
  });
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchRuntime());
}
