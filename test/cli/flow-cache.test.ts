import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildDist, runOt, type OtRun } from './run-ot.js';

// `ot run` keeps each checked program in .ot-cache/flows/ (README "The flow cache") and, when
// every file it read is unchanged, runs it without importing the parser or the checks.

const tracker = fileURLToPath(new URL('./helpers/load-log.mjs', import.meta.url));
const dirs: string[] = [];

beforeAll(() => buildDist());
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ot-flow-cache-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const FAKE = 'replies:\n  - match: hi\n    reply: world\n  - match: bye\n    reply: moon\n';

let runs = 0;

/** `ot run ARGS` in `dir` (cache off), and whether it imported the parser. */
async function run(
  dir: string,
  args: string[] = ['flow.ot'],
  env: Record<string, string> = {},
): Promise<OtRun & { parsed: boolean }> {
  const log = path.join(dir, `load-${runs++}.log`);
  const result = await runOt(['run', ...args, '--cache', 'off'], {
    cwd: dir,
    env: { OT_LOAD_LOG: log, NODE_OPTIONS: `--import=${tracker}`, OT_CACHE_HMAC_KEY: '', ...env },
  });
  const urls = readFileSync(log, 'utf8').split('\n');
  return { ...result, parsed: urls.some((url) => url.includes('/dist/syntax/')) };
}

function entries(dir: string): string[] {
  const flows = path.join(dir, '.ot-cache', 'flows');
  return existsSync(flows) ? readdirSync(flows).map((name) => path.join(flows, name)) : [];
}

describe('the flow cache', () => {
  it('a second run of unchanged files does not load the parser, with the same output', async () => {
    const dir = project({
      'flow.ot': "---\nbackend: fake:fake.yaml\n---\nHello << generate_text(prompt='hi') >>\n",
      'fake.yaml': FAKE,
    });
    const first = await run(dir);
    expect(first).toMatchObject({ code: 0, stdout: 'Hello world\n', stderr: '', parsed: true });
    expect(entries(dir)).toHaveLength(1);
    expect(readFileSync(path.join(dir, '.ot-cache', '.gitignore'), 'utf8')).toBe('*\n');
    const second = await run(dir);
    expect(second).toMatchObject({ code: 0, stdout: 'Hello world\n', stderr: '', parsed: false });
  });

  it('an edited included file is read again and its new text runs', async () => {
    const dir = project({
      'flow.ot': '---\nbackend: fake:fake.yaml\n---\n{% include "part.ot" %}\n',
      'part.ot': "Hello << generate_text(prompt='hi') >>",
      'fake.yaml': FAKE,
    });
    expect((await run(dir)).stdout).toBe('Hello world\n');
    expect((await run(dir)).parsed).toBe(false);
    writeFileSync(path.join(dir, 'part.ot'), "Bye << generate_text(prompt='bye') >>");
    const edited = await run(dir);
    expect(edited).toMatchObject({ code: 0, stdout: 'Bye moon\n', parsed: true });
    expect((await run(dir)).stdout).toBe('Bye moon\n');
  });

  it('a file that was missing (include … ignore missing) and now exists is included', async () => {
    const dir = project({
      'flow.ot': '---\nbackend: fake:fake.yaml\n---\nA{% include "extra.ot" ignore missing %}Z\n',
      'fake.yaml': FAKE,
    });
    expect((await run(dir)).stdout).toBe('AZ\n');
    expect((await run(dir)).parsed).toBe(false);
    writeFileSync(path.join(dir, 'extra.ot'), "<< generate_text(prompt='hi') >>");
    expect(await run(dir)).toMatchObject({ stdout: 'AworldZ\n', parsed: true });
  });

  it('a corrupt entry is ignored silently and rewritten', async () => {
    const dir = project({
      'flow.ot': "---\nbackend: fake:fake.yaml\n---\nHello << generate_text(prompt='hi') >>\n",
      'fake.yaml': FAKE,
    });
    await run(dir);
    const [entry] = entries(dir);
    const bytes = readFileSync(entry!);
    writeFileSync(entry!, bytes.subarray(0, bytes.length >> 1));
    const damaged = await run(dir);
    expect(damaged).toMatchObject({ code: 0, stdout: 'Hello world\n', stderr: '', parsed: true });
    expect(readFileSync(entry!)).toEqual(bytes);
    expect((await run(dir)).parsed).toBe(false);
  });

  it('keeps the warnings: a cached run prints them as the first did', async () => {
    const dir = project({
      'flow.ot':
        "---\nbackend: fake:fake.yaml\n---\n{{ nowhere }}Hello << generate_text(prompt='hi') >>\n",
      'fake.yaml': FAKE,
    });
    const first = await run(dir);
    expect(first.stderr).toMatch(/OT2003.*undefined variable `nowhere`/s);
    const second = await run(dir);
    expect(second).toMatchObject({ stdout: first.stdout, stderr: first.stderr, parsed: false });
  });

  it('a flow with errors is not kept', async () => {
    const dir = project({ 'flow.ot': '{% if %}\n' });
    expect((await run(dir)).code).toBe(1);
    expect(entries(dir)).toEqual([]);
  });

  it('OT_FLOW_CACHE=off neither writes nor reads entries', async () => {
    const dir = project({
      'flow.ot': "---\nbackend: fake:fake.yaml\n---\nHello << generate_text(prompt='hi') >>\n",
      'fake.yaml': FAKE,
    });
    await run(dir, ['flow.ot'], { OT_FLOW_CACHE: 'off' });
    expect(existsSync(path.join(dir, '.ot-cache'))).toBe(false);
    await run(dir);
    expect((await run(dir, ['flow.ot'], { OT_FLOW_CACHE: 'off' })).parsed).toBe(true);
  });

  it('with OT_CACHE_HMAC_KEY set, only entries signed with that key are used', async () => {
    const dir = project({
      'flow.ot': "---\nbackend: fake:fake.yaml\n---\nHello << generate_text(prompt='hi') >>\n",
      'fake.yaml': FAKE,
    });
    await run(dir);
    const signed = { OT_CACHE_HMAC_KEY: 'secret one' };
    expect(await run(dir, ['flow.ot'], signed)).toMatchObject({ stderr: '', parsed: true });
    expect((await run(dir, ['flow.ot'], signed)).parsed).toBe(false);
    const other = { OT_CACHE_HMAC_KEY: 'secret two' };
    expect((await run(dir, ['flow.ot'], other)).parsed).toBe(true);
  });
});
