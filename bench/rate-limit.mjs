// Rate limits (issue "Scale out", point 2): 2,000 calls through a backend with `rpm: 6000` to a
// local OpenAI-compatible server that allows 100 requests in any sliding second and answers 429
// (with `retry-after-ms`) beyond. Prints the 429s and wall time ÷ the limit's ideal time
// (2,000 ÷ 100/s = 20 s), then the same run without `rpm` (AIMD and Retry-After alone), and a
// baseline: the same calls to a server without a limit, which is what this machine can do at all.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, createRegistry, loadConfig, run, template } from '../dist/index.js';

const CALLS = 2000;
const PER_SECOND = 100;

function startLimitedServer(perSecond) {
  const accepted = [];
  const stats = { refused: 0 };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const now = performance.now();
      while (accepted.length > 0 && accepted[0] <= now - 1000) accepted.shift();
      if (accepted.length >= perSecond) {
        stats.refused++;
        res.writeHead(429, {
          'content-type': 'application/json',
          'retry-after-ms': String(Math.ceil(accepted[0] + 1000 - now)),
        });
        res.end(JSON.stringify({ error: { message: 'Rate limit reached', type: 'requests' } }));
        return;
      }
      accepted.push(now);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'chatcmpl-1',
          object: 'chat.completion',
          created: 1_700_000_000,
          model: 'bench',
          choices: [
            { index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' },
          ],
          usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 },
        }),
      );
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, stats, port: server.address().port })),
  );
}

async function timeRun(limits, perSecond = PER_SECOND) {
  const { server, stats, port } = await startLimitedServer(perSecond);
  const dir = mkdtempSync(join(tmpdir(), 'ot-bench-rate-'));
  try {
    const path = join(dir, 'ot.config.yaml');
    writeFileSync(
      path,
      [
        'backends:',
        '  limited:',
        '    provider: openai-compatible',
        '    model: bench',
        `    base_url: http://127.0.0.1:${port}/v1`,
        '    concurrency: 32',
        '    max_retries: 10',
        ...limits,
      ].join('\n'),
    );
    const backend = createBackend('limited', loadConfig(path), {});
    const flow = template(
      `{% for i in range(${CALLS}) %}<< generate_text("item " ~ i) >>{% endfor %}`,
      { path: join(dir, 'bench.ot') },
    );
    const start = performance.now();
    await run(flow.run({}), { registry: createRegistry([backend]) });
    return { ms: performance.now() - start, refused: stats.refused };
  } finally {
    server.closeAllConnections();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchRateLimit() {
  const idealMs = (CALLS / PER_SECOND) * 1000;
  const rows = [];
  const baseline = await timeRun([], Infinity);
  rows.push({
    name: `baseline: ${CALLS} calls, no limit anywhere: wall ÷ 20 s`,
    value: (baseline.ms / idealMs).toFixed(3),
    target: '(the floor on this machine)',
  });
  const limited = await timeRun([`    rpm: ${PER_SECOND * 60}`]);
  rows.push({
    name: `${CALLS} calls, rpm ${PER_SECOND * 60} vs a ${PER_SECOND}/s server: 429s`,
    value: String(limited.refused),
    target: '≤ 20',
  });
  rows.push({
    name: '… wall ÷ ideal (20 s)',
    value: (limited.ms / idealMs).toFixed(3),
    target: '≤ 1.10',
  });
  const under = await timeRun([`    rpm: ${PER_SECOND * 57}`]);
  rows.push({
    name: `${CALLS} calls, rpm ${PER_SECOND * 57} (95% of the limit): 429s`,
    value: String(under.refused),
    target: '≤ 20',
  });
  rows.push({
    name: '… wall ÷ ideal (20 s)',
    value: (under.ms / idealMs).toFixed(3),
    target: '≤ 1.10 ÷ 0.95',
  });
  const adaptive = await timeRun([]);
  rows.push({
    name: `${CALLS} calls, no rpm (AIMD + Retry-After only): 429s`,
    value: String(adaptive.refused),
    target: '(for comparison)',
  });
  rows.push({
    name: '… wall ÷ ideal (20 s)',
    value: (adaptive.ms / idealMs).toFixed(3),
    target: '(for comparison)',
  });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchRateLimit());
