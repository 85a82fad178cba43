import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A flow project on disk: the flow, an included file, the config and an `--inputs` file. */
export interface QueueProject {
  dir: string;
  flow: string;
  rows: string;
  config: string;
}

/**
 * Writes a project whose flow makes three calls per row: one of the row alone, one shared by
 * every row of the same group (so identical calls meet on different workers at once), and one
 * that depends on the first. Row `badRow` (1-based) lacks a required input: a failed row.
 */
export function writeQueueProject(
  baseUrl: string,
  options: { rows: number; groups: number; badRow?: number },
): QueueProject {
  const dir = mkdtempSync(join(tmpdir(), 'ot-queue-'));
  const flow = join(dir, 'flow.ot');
  writeFileSync(
    join(dir, 'ot.config.yaml'),
    [
      'backends:',
      '  local:',
      '    provider: openai-compatible',
      '    model: test-model',
      `    base_url: ${baseUrl}`,
      '    api_key_env: OT_QUEUE_TEST_KEY',
      '    max_retries: 0',
      // The server reports 5 + 5 tokens a call: $1.00 a call, so sums of costs print exactly.
      '    price: { input: 100000, output: 100000 }',
      'default_backend: local',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'intro.ot'), 'Topic {{ topic }} in group {{ group }}.\n');
  writeFileSync(
    flow,
    [
      '---',
      'input:',
      '  topic: { type: string }',
      '  group: { type: string }',
      'output: verdict',
      '---',
      "{% include 'intro.ot' %}",
      "About: << about = generate_text('Describe ' ~ topic, max_tokens=20) >>",
      "Group: << shared = generate_text('What unites group ' ~ group ~ '?', max_tokens=20) >>",
      "Verdict: << verdict = generate_text('Judge: ' ~ about, max_tokens=10) >>",
      '',
    ].join('\n'),
  );
  const rows = join(dir, 'rows.jsonl');
  const lines: string[] = [];
  for (let i = 1; i <= options.rows; i++) {
    const group = `g${i % options.groups}`;
    lines.push(JSON.stringify(i === options.badRow ? { group } : { topic: `topic ${i}`, group }));
  }
  writeFileSync(rows, `${lines.join('\n')}\n`);
  return { dir, flow, rows, config: join(dir, 'ot.config.yaml') };
}
