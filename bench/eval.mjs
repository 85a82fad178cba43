// Evaluation benchmark (issue "Experiments", "How it must be checked"): `ot eval` of 2 flows ×
// 2 backends × 5,000 rows, fake backends at 0 ms, `--cache off`, through the real CLI, against
// the same runs made by `ot run --inputs` (one per flow, both backends at once): wall time,
// peak RSS, and the overhead of scoring, statistics and the summary as a ratio (target ≤ 1.2×).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/ot.js', import.meta.url));
const ROWS = Number(process.env.BENCH_EVAL_ROWS ?? 5000);
const DEADLINE_MS = 300_000;

// Reports the child's own peak RSS (KB) and CPU time (user + system, µs) to the file named by
// the environment: on a loaded machine CPU time says more than wall time.
const usagePreload = `process.on('exit', () => {
  const usage = process.resourceUsage();
  require('node:fs').writeFileSync(process.env.BENCH_USAGE_FILE,
    JSON.stringify({ maxRssKb: usage.maxRSS, cpuUs: usage.userCPUTime + usage.systemCPUTime }));
});`;

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'ot-bench-eval-'));
  const flow = (style) =>
    `---\ninput:\n  country: string\n---\n${style} {{ country }}? << answer = generate_text() >>\n`;
  writeFileSync(join(dir, 'qa.ot'), flow('What is the capital of'));
  writeFileSync(join(dir, 'qa-terse.ot'), flow('Capital of'));
  writeFileSync(join(dir, 'a.yaml'), 'default: "Paris"\n');
  writeFileSync(join(dir, 'b.yaml'), 'default: "Lyon"\n');
  writeFileSync(
    join(dir, 'ot.config.yaml'),
    'backends:\n  a: { provider: fake, file: a.yaml }\n  b: { provider: fake, file: b.yaml }\n',
  );
  const rows = [];
  for (let i = 0; i < ROWS; i++)
    rows.push(JSON.stringify({ country: `country ${i}`, expected: 'Paris' }));
  writeFileSync(join(dir, 'rows.jsonl'), `${rows.join('\n')}\n`);
  // `ot run` refuses fields the flow does not declare; an eval keeps them for its scorers.
  const inputs = rows.map((row) => JSON.stringify({ country: JSON.parse(row).country }));
  writeFileSync(join(dir, 'inputs.jsonl'), `${inputs.join('\n')}\n`);
  writeFileSync(
    join(dir, 'eval.yaml'),
    'flows: [qa.ot, qa-terse.ot]\ndataset: rows.jsonl\nbackends: [a, b]\n' +
      'scorers:\n  exact: { equals: "{{ expected }}", output: answer }\n',
  );
  writeFileSync(join(dir, 'usage.cjs'), usagePreload);
  return dir;
}

function measured(dir, args) {
  const usageFile = join(dir, `usage-${Math.random().toString(36).slice(2)}.json`);
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', join(dir, 'usage.cjs'), bin, ...args], {
      cwd: dir,
      env: { ...process.env, BENCH_USAGE_FILE: usageFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), DEADLINE_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0)
        return reject(new Error(`ot ${args[0]} exited ${code}: ${stderr.slice(0, 600)}`));
      const { maxRssKb, cpuUs } = JSON.parse(readFileSync(usageFile, 'utf8'));
      resolve({ wallMs: performance.now() - start, rssMb: maxRssKb / 1024, cpuMs: cpuUs / 1000 });
    });
  });
}

/** `ot eval` against `ot run --inputs` over the same rows, flows and backends. */
export async function benchEval() {
  const dir = setUp();
  try {
    const evaluation = await measured(dir, ['eval', 'eval.yaml', '--cache', 'off', '--json']);
    const runs = [];
    for (const flow of ['qa.ot', 'qa-terse.ot']) {
      runs.push(
        await measured(dir, [
          'run',
          flow,
          '--inputs',
          'inputs.jsonl',
          '--backend',
          'a',
          '--backend',
          'b',
          '--cache',
          'off',
          '--json',
        ]),
      );
    }
    const runWall = runs.reduce((sum, run) => sum + run.wallMs, 0);
    const runCpu = runs.reduce((sum, run) => sum + run.cpuMs, 0);
    const runRss = Math.max(...runs.map((run) => run.rssMb));
    return [
      {
        measure: `ot eval, 2 flows × 2 backends × ${ROWS} rows`,
        'wall s': (evaluation.wallMs / 1000).toFixed(1),
        'CPU s': (evaluation.cpuMs / 1000).toFixed(1),
        'peak RSS MB': evaluation.rssMb.toFixed(0),
      },
      {
        measure: 'ot run --inputs, the same runs (2 commands)',
        'wall s': (runWall / 1000).toFixed(1),
        'CPU s': (runCpu / 1000).toFixed(1),
        'peak RSS MB': runRss.toFixed(0),
      },
      {
        measure: 'eval ÷ run (target ≤ 1.2×)',
        'wall s': `${(evaluation.wallMs / runWall).toFixed(2)}×`,
        'CPU s': `${(evaluation.cpuMs / runCpu).toFixed(2)}×`,
        'peak RSS MB': `${(evaluation.rssMb / runRss).toFixed(2)}×`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchEval());
