// Start-up (issue "a CLI that behaves under pressure", point 14): how long `ot` takes to be
// useful, as a ratio against `node -e 0` started the same way (a child process, spawn to exit),
// so the figures say what `ot` adds to Node's own start-up on this machine. Runs alternate
// between the baseline and each command, and the medians are compared.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = path.join(root, 'bin/ot.js');
const RUNS = 11;

/** Milliseconds from spawning `node ARGS` to its exit (or to `until` resolving, then killed). */
function time(args, cwd, until, env) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, {
      cwd,
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    child.on('error', reject);
    if (until) {
      until(child).then(() => {
        const ms = performance.now() - start;
        serverCpuAtAnswer.push(cpuMs(child.pid));
        child.kill();
        resolve(ms);
      }, reject);
    } else {
      child.stdout.resume();
      child.on('exit', (code) =>
        code === 0
          ? resolve(performance.now() - start)
          : reject(new Error(`${args} exited ${code}`)),
      );
    }
  });
}

/** Sends the language server `initialize` and resolves when its answer arrives. */
function answersInitialize(child) {
  const body = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { processId: process.pid, rootUri: null, capabilities: {} },
  });
  child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      seen += chunk;
      if (seen.includes('"id":1')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`ot lsp exited ${code} before answering`)));
  });
}

/** CPU time (user + system) a live process has used so far, from /proc (Linux; else NaN). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** CPU times of the language server at its answer to `initialize`. */
const serverCpuAtAnswer = [];

const TIME = '/usr/bin/time';

/**
 * CPU milliseconds (user + sys) of `node ARGS` run to its exit, from GNU time; on a loaded machine
 * this moves far less than the wall time. Null where /usr/bin/time is missing.
 */
function cpu(args, cwd, env) {
  if (!existsSync(TIME)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const child = spawn(TIME, ['-f', 'OTCPU %U %S', process.execPath, ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', () => {
      const match = /OTCPU ([\d.]+) ([\d.]+)/.exec(stderr);
      resolve(match ? (Number(match[1]) + Number(match[2])) * 1000 : null);
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchStartup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'ot-bench-start-up-'));
  writeFileSync(
    path.join(dir, 'one.ot'),
    "---\nbackend: fake:one.fake.yaml\n---\nHello << generate_text(prompt='hi') >>\n",
  );
  writeFileSync(path.join(dir, 'one.fake.yaml'), 'replies:\n  - match: hi\n    reply: world\n');
  const run = [bin, 'run', 'one.ot', '--cache', 'off'];
  // `ot run` keeps the checked flow in .ot-cache/flows/ (README "The flow cache"): every run
  // after the first is the usual case; with OT_FLOW_CACHE=off each run parses and checks again.
  const subjects = [
    ['ot --version', [bin, '--version'], undefined, 2],
    ['ot run (one call, fake backend)', run, undefined, 4],
    ['ot run, flow cache off', run, undefined, null, { OT_FLOW_CACHE: 'off' }],
    ['ot lsp answering initialize', [bin, 'lsp', '--stdio'], answersInitialize, 4],
  ];
  const baseline = [];
  const baselineCpu = [];
  const samples = subjects.map(() => []);
  const cpuSamples = subjects.map(() => []);
  try {
    for (let run = 0; run < RUNS; run++) {
      baseline.push(await time(['-e', '0'], dir));
      baselineCpu.push(await cpu(['-e', '0'], dir));
      for (const [index, [, args, until, , env]] of subjects.entries()) {
        samples[index].push(await time(args, dir, until, env));
        // The language server runs until stopped: its CPU is not measured here.
        if (!until) cpuSamples[index].push(await cpu(args, dir, env));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const base = median(baseline);
  const baseCpu = median(baselineCpu);
  const cpuColumns = (values) => {
    const ms = values.length > 0 && values.every((v) => v !== null) ? median(values) : null;
    if (ms === null || baseCpu === null) return { 'CPU ms': '', 'CPU ratio': '' };
    return { 'CPU ms': Math.round(ms), 'CPU ratio': `${(ms / baseCpu).toFixed(2)}×` };
  };
  return [
    {
      measure: 'node -e 0 (baseline)',
      'median ms': Math.round(base),
      ratio: '1.00×',
      ...cpuColumns(baselineCpu),
      target: '',
    },
    ...subjects.map(([measure, , until, target], index) => {
      const ms = median(samples[index]);
      return {
        measure,
        'median ms': Math.round(ms),
        ratio: `${(ms / base).toFixed(2)}×`,
        ...cpuColumns(cpuSamples[index]),
        target: target === null ? '' : `≤ ${target}× — ${ms / base <= target ? 'met' : 'not met'}`,
        ...(until ? { 'CPU ms at answer': Math.round(median(serverCpuAtAnswer)) } : {}),
      };
    }),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.table(await benchStartup());
