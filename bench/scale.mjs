// Scale benchmarks (issue "Scale out", point 1), through the real CLI in subprocesses:
// (a) a 3-call flow (two independent calls, then one reading both) over 1,000 / 10,000 /
//     100,000 rows, fake backend at 0 ms, `--cache off`: throughput and peak RSS per size;
// (b) the same flow against a local OpenAI-compatible server replying after 50 ms, backend cap
//     256: `ot`'s request rate and CPU per call against a hand-written fetch + limiter script.
// Each child runs with a preload that reports its maxRSS and CPU time on exit; every run has a
// deadline, past which it is killed and what it reached is printed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/ot.js', import.meta.url));
const DEADLINE_MS = 120_000;
const HTTP_LATENCY = 50;
const HTTP_CAP = 256;

const flow = [
  '---',
  'input:',
  '  topic: string',
  '---',
  'Pros of {{ topic }}: << pros = generate_text() >>',
  'Cons of {{ topic }}: << cons = generate_text() >>',
  'Weigh {{ pros }} against {{ cons }}: << verdict = generate_text() >>',
  '',
].join('\n');

// Reports the child's own peak RSS (KB) and CPU (µs) to the file named by the environment.
const usagePreload = `process.on('exit', () => {
  const u = process.resourceUsage();
  require('node:fs').writeFileSync(process.env.BENCH_USAGE_FILE,
    JSON.stringify({ maxRssKb: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime }));
});`;

function rowsFile(dir, count) {
  const path = join(dir, `rows-${count}.jsonl`);
  const lines = [];
  for (let i = 0; i < count; i++) lines.push(JSON.stringify({ topic: `topic ${i}` }));
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Runs a node script with the usage preload; counts stdout lines; kills it at the deadline. */
function runMeasured(dir, args, env = {}) {
  const usageFile = join(dir, `usage-${Math.random().toString(36).slice(2)}.json`);
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', join(dir, 'usage.cjs'), ...args], {
      cwd: dir,
      env: { ...process.env, ...env, BENCH_USAGE_FILE: usageFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), DEADLINE_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - start;
      let usage = null;
      try {
        usage = JSON.parse(readFileSync(usageFile, 'utf8'));
      } catch {
        // Killed at the deadline: no usage report.
      }
      resolve({ code, lines, wallMs, usage, stderr });
    });
  });
}

function otRun(dir, rows, backend, extra = []) {
  return runMeasured(dir, [
    bin,
    'run',
    'flow.ot',
    '--inputs',
    rows,
    '--backend',
    backend,
    '--cache',
    'off',
    ...extra,
  ]);
}

/** The local OpenAI-compatible server, in a child so its CPU is not the clients'. */
function startServer(dir) {
  const script = join(dir, 'server.mjs');
  writeFileSync(
    script,
    `import http from 'node:http';
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => setTimeout(() => {
    const text = JSON.stringify({ id: 'x', object: 'chat.completion', created: 0, model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(text);
  }, ${HTTP_LATENCY}));
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`,
  );
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => {
    child.stdout.setEncoding('utf8').once('data', (port) => resolve({ child, port: Number(port) }));
  });
}

/** The baseline: the same three calls per row with bare fetch and an inline limiter. */
function baselineScript(dir) {
  const script = join(dir, 'baseline.mjs');
  writeFileSync(
    script,
    `import { readFileSync } from 'node:fs';
const [url, rowsPath, cap] = process.argv.slice(2);
let active = 0;
const queue = [];
let head = 0;
const limit = async (fn) => {
  if (active >= cap) await new Promise((r) => queue.push(r));
  active++;
  try { return await fn(); } finally {
    active--;
    if (head < queue.length) { const next = queue[head]; queue[head++] = undefined; next(); }
  }
};
const ask = (content) => limit(async () => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content }] }) });
  const json = await res.json();
  return json.choices[0].message.content;
});
const rows = readFileSync(rowsPath, 'utf8').trim().split('\\n').map((l) => JSON.parse(l));
await Promise.all(rows.map(async ({ topic }) => {
  const [pros, cons] = await Promise.all([ask('Pros of ' + topic + ': '), ask('Cons of ' + topic + ': ')]);
  const verdict = await ask('Weigh ' + pros + ' against ' + cons + ': ');
  process.stdout.write(JSON.stringify({ topic, verdict }) + '\\n');
}));
`,
  );
  return script;
}

export async function benchScale() {
  const dir = mkdtempSync(join(tmpdir(), 'ot-bench-scale-'));
  const results = [];
  try {
    writeFileSync(join(dir, 'usage.cjs'), usagePreload);
    writeFileSync(join(dir, 'flow.ot'), flow);
    writeFileSync(join(dir, 'fake.yaml'), 'default: "ok"\n');

    // (a) rows at 0 ms.
    // An empty BENCH_SCALE_SIZES skips (a); BENCH_SCALE_HTTP_ROWS=0 skips (b).
    const sizes = (process.env.BENCH_SCALE_SIZES ?? '1000,10000,100000')
      .split(',')
      .filter((size) => size.trim() !== '')
      .map(Number);
    const measured = [];
    for (const size of sizes) {
      const run = await otRun(dir, rowsFile(dir, size), 'fake:fake.yaml');
      const done = run.code === 0 && run.lines === size;
      measured.push({ size, run, done });
      results.push({
        name: `(a) ${size.toLocaleString('en')} rows @0ms: rows/s · peak RSS`,
        value: done
          ? `${Math.round((size / run.wallMs) * 1000)} rows/s · ${Math.round(run.usage.maxRssKb / 1024)} MB · ${(run.wallMs / 1000).toFixed(1)} s`
          : `stopped after ${(run.wallMs / 1000).toFixed(0)} s at ${run.lines} rows (exit ${run.code})`,
        target: '',
      });
    }
    const first = measured[0];
    const last = measured[measured.length - 1];
    if (first?.done && last?.done && last !== first) {
      const rate = (m) => m.size / m.run.wallMs;
      results.push({
        name: `(a) throughput ${last.size} vs ${first.size} rows`,
        value: `${(rate(last) / rate(first)).toFixed(2)}×`,
        target: '≥ 0.8×',
      });
      results.push({
        name: `(a) peak RSS ${last.size} vs ${first.size} rows`,
        value: `${(last.run.usage.maxRssKb / first.run.usage.maxRssKb).toFixed(2)}×`,
        target: '≤ 1.5×',
      });
    }

    // (b) HTTP at 50 ms, backend cap 256 (and a global cap as large); BENCH_SCALE_HTTP_ROWS=0
    // runs part (a) alone.
    const httpRows = Number(process.env.BENCH_SCALE_HTTP_ROWS ?? 2000);
    if (httpRows === 0) return results;
    const { child: server, port } = await startServer(dir);
    try {
      const url = `http://127.0.0.1:${port}/v1`;
      writeFileSync(
        join(dir, 'ot.config.yaml'),
        `backends:\n  local:\n    provider: openai-compatible\n    model: m\n    base_url: ${url}\n    concurrency: ${HTTP_CAP}\n    max_retries: 0\n    timeout_ms: 10000\n`,
      );
      const rows = rowsFile(dir, httpRows);
      const calls = httpRows * 3;
      const ot = await otRun(dir, rows, 'local', ['--concurrency', String(HTTP_CAP)]);
      const base = await runMeasured(dir, [
        baselineScript(dir),
        `${url}/chat/completions`,
        rows,
        String(HTTP_CAP),
      ]);
      const ideal = (calls / HTTP_CAP) * HTTP_LATENCY; // every slot always busy
      for (const [name, run] of [
        ['ot', ot],
        ['fetch + limiter', base],
      ]) {
        results.push({
          name: `(b) ${name}: ${calls} calls @${HTTP_LATENCY}ms, cap ${HTTP_CAP}`,
          value:
            run.code === 0 && run.lines === httpRows
              ? `${Math.round((calls / run.wallMs) * 1000)} calls/s · ${(run.usage.cpuUs / calls / 1000).toFixed(2)} ms CPU/call`
              : `stopped (exit ${run.code}) at ${run.lines} rows: ${run.stderr.slice(0, 200)}`,
          target: '',
        });
      }
      if (ot.usage && base.usage && ot.code === 0 && base.code === 0) {
        results.push({
          name: '(b) ot request rate vs fetch + limiter',
          value: `${(base.wallMs / ot.wallMs).toFixed(2)}×`,
          target: '≥ 0.8×',
        });
        results.push({
          name: '(b) ot CPU per call vs fetch + limiter',
          value: `${(ot.usage.cpuUs / base.usage.cpuUs).toFixed(2)}×`,
          target: '≤ 2×',
        });
        results.push({
          name: '(b) ot rate vs what the cap allows',
          value: `${((ideal / ot.wallMs) * 100).toFixed(0)}%`,
          target: '',
        });
      }
    } finally {
      server.kill();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchScale());
