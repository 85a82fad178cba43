// Plan analysis in linear time (issue 13 point 1): `plan()` of a generated flow of 500, 2,000 and
// 5,000 lines holding thousands of calls — many independent calls in one stage, long chains
// where each call reads the one before, and loops whose calls read the loop's variable. The
// figures (loading and planning apart) are the median of a few runs each; the ratio per line against the 500-line file
// stays flat when planning is linear (it grew with the file before). Target: ≤ 500 ms at 5,000.
import { loadProgram, plan } from '../dist/tools.js';

const RUNS = 5;

/** A flow of about `lines` lines: a third independent calls, a third a chain, a third loops. */
export function manyCallsFlow(lines) {
  const out = [
    '---',
    'description: Many calls for the plan benchmark.',
    'input:',
    '  topic: string',
    '  items: {type: list, default: [a, b, c]}',
    '---',
  ];
  const third = Math.floor((lines - out.length) / 3);
  for (let i = 0; i < third; i++)
    out.push(`Fact ${i}: << fact${i} = generate_text(prompt="Fact ${i} about " ~ topic) >>`);
  out.push('<< chain0 = generate_text(prompt=topic) >>');
  for (let i = 1; i < third; i++)
    out.push(`<< chain${i} = generate_text(prompt="Go on from " ~ chain${i - 1}) >>`);
  for (let i = 0; out.length < lines - 1; i++) {
    out.push(
      `{% for item in items %}`,
      `<< generate_text(prompt=item ~ fact${i % third}) >>`,
      `{% endfor %}`,
    );
  }
  out.push(`All: << generate_text(prompt=chain${third - 1}) >>`);
  return `${out.join('\n')}\n`;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchPlan() {
  const rows = [];
  let perLine500 = 0;
  for (const lines of [500, 2000, 5000]) {
    const source = manyCallsFlow(lines);
    const loads = [];
    const plans = [];
    let calls = 0;
    let stage1 = 0;
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const loaded = loadProgram(`/bench/plan-${lines}.ot`, { source, readFile: () => undefined });
      const planStart = performance.now();
      const planned = plan(loaded.program);
      plans.push(performance.now() - planStart);
      loads.push(planStart - start);
      calls = planned.calls.length;
      stage1 = planned.stages[0].calls.length;
    }
    const ms = median(plans);
    if (lines === 500) perLine500 = ms / lines;
    rows.push({
      lines,
      calls,
      'calls in stage 1': stage1,
      'load (ms)': Math.round(median(loads)),
      'plan (ms)': Math.round(ms),
      'plan per line vs 500 lines': (ms / lines / perLine500).toFixed(2),
      'target ≤ 500 ms at 5,000 lines': lines === 5000 ? (ms <= 500 ? 'met' : 'missed') : '',
    });
  }
  return rows;
}

if (process.argv[1]?.endsWith('bench/plan.mjs')) console.table(await benchPlan());
