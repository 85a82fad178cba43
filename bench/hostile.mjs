// Hostile input: time and peak memory of parse() and of a whole check (parse, lower, checks) on
// files built to make as many problems as possible, each case in a fresh process so that its
// peak resident memory is its own. Linear work shows as a 10 MB / 1 MB ratio near 10.
// Build first: `npx tsc -p tsconfig.build.json`, then `node bench/hostile.mjs`.
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MB = 1_000_000;

/** The hostile files, by name: each makes one diagnostic or more every few characters. */
const inputs = {
  '1 MB of {': () => '{'.repeat(MB),
  '10 MB of {': () => '{'.repeat(10 * MB),
  // The most a file under the size limit (OT1016) can make the lexer do before OT1017 refuses it.
  '2 MB of { (at the size limit)': () => '{'.repeat(2 * MB),
  '20,000 unclosed {% if a %}': () => '{% if a %}'.repeat(20_000),
  '1 MB of <<': () => '<<'.repeat(MB / 2),
  '1 MB of {% for %}': () => '{% for %}'.repeat(MB / 9),
  '1 MB of {{ (((': () => `{{ ${'('.repeat(MB)}`,
  '1 MB of unterminated strings': () => '{{ "'.repeat(MB / 4),
};

/** Runs one case in this process (the child side): prints milliseconds and peak memory. */
async function runCase(name, phase) {
  const text = inputs[name]();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let diagnostics;
  if (phase === 'parse') {
    const { parse } = await import('../dist/syntax/index.js');
    diagnostics = parse(text).diagnostics.length;
  } else {
    const { check } = await import('../dist/check.js');
    diagnostics = check('hostile.ot', text).length;
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, cpuMs, peakMb, diagnostics }));
}

/** Every case in its own process, for parse and for check. */
export async function benchHostile() {
  const self = fileURLToPath(import.meta.url);
  const rows = [];
  const results = {};
  for (const name of Object.keys(inputs)) {
    for (const phase of ['parse', 'check']) {
      const output = execFileSync(
        process.execPath,
        ['--max-old-space-size=8192', '--stack-size=984', self, '--case', name, phase],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      const result = JSON.parse(output.trim().split('\n').at(-1));
      results[`${name} ${phase}`] = result;
      rows.push({
        input: name,
        phase,
        ms: Math.round(result.ms),
        'CPU ms': Math.round(result.cpuMs),
        'peak MB': Math.round(result.peakMb),
        diagnostics: result.diagnostics,
      });
    }
  }
  for (const phase of ['parse', 'check']) {
    const one = results[`1 MB of { ${phase}`];
    const ten = results[`10 MB of { ${phase}`];
    rows.push({
      input: '10 MB / 1 MB of { (linear ≈ 10)',
      phase,
      ms: Number((ten.ms / one.ms).toFixed(1)),
      'CPU ms': Number((ten.cpuMs / one.cpuMs).toFixed(1)),
      'peak MB': Number((ten.peakMb / one.peakMb).toFixed(1)),
      diagnostics: '',
    });
  }
  return rows;
}

if (process.argv[2] === '--case') {
  await runCase(process.argv[3], process.argv[4]);
} else if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchHostile());
}
