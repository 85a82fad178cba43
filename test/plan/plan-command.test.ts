import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { checkMermaidFlowchart } from './mermaid-syntax.js';

async function ot(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrColor: false,
  });
  return { code, stdout, stderr };
}

const fork = 'test/fixtures/runtime/fork/flow.ot';
const scratch = mkdtempSync(join(tmpdir(), 'ot-plan-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('ot plan', () => {
  it('prints the plan for people', async () => {
    const result = await ot(['plan', fork]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 calls may run at once');
    expect(result.stdout).toMatch(
      /c3 {2}test\/fixtures\/runtime\/fork\/flow\.ot:6:\d+ {2}generate_text {2}prompt: prefix\n {6}waits for c1 \(prefix\), c2 \(prefix\)/,
    );
  });

  it('prints JSON for tools: each call with its location, stage and the calls of its stage', async () => {
    const result = await ot(['plan', fork, '--format', 'json']);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as {
      calls: { id: string; location: string; stage: number; sameStage: string[] }[];
    };
    expect(data.calls.map(({ id, stage, sameStage }) => ({ id, stage, sameStage }))).toEqual([
      { id: 'c1', stage: 1, sameStage: ['c2'] },
      { id: 'c2', stage: 1, sameStage: ['c1'] },
      { id: 'c3', stage: 2, sameStage: [] },
    ]);
    expect(data.calls[0]!.location).toMatch(/^test\/fixtures\/runtime\/fork\/flow\.ot:3:\d+$/);
  });

  it('prints a Mermaid flowchart', async () => {
    const result = await ot(['plan', fork, '--format', 'mermaid']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('graph TD\n')).toBe(true);
    expect(checkMermaidFlowchart(result.stdout)).toEqual([]);
  });

  it('refuses an unknown format (exit 2) and a template with errors (exit 1)', async () => {
    expect((await ot(['plan', fork, '--format', 'svg'])).code).toBe(2);
    const broken = join(scratch, 'broken.ot');
    writeFileSync(broken, 'Hello << generate_text( >>\n');
    const result = await ot(['plan', broken]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('error OT1');
  });
});
