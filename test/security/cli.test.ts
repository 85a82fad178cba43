import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist, runOt } from '../cli/run-ot.js';
import { expectNoLeak, expectStopped } from './outcome.js';
import { payloads } from './payloads.js';

let work: string;
beforeAll(() => {
  buildDist();
  work = mkdtempSync(join(tmpdir(), 'ot-security-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the sandbox, through the CLI', () => {
  it.each(payloads)('`ot run` stops $name', async (payload) => {
    const file = join(work, `${payloads.indexOf(payload)}.ot`);
    writeFileSync(file, payload.source);
    const result = await runOt(['run', file, '--cache', 'off']);
    expect(result.code).not.toBe(0);
    expectNoLeak(result.stdout);
    // The diagnostics, without the source lines the CLI quotes under them (`  1 | {{ … }}`).
    const diagnostics = result.stderr
      .split('\n')
      .filter((line) => !/^\s*\d*\s*\|/.test(line))
      .join('\n');
    expectStopped(payload, { ok: false, error: diagnostics });
  });

  it('`ot check` fails with an error (not a warning) for a forbidden binding, read or input', async () => {
    const file = join(work, 'check.ot');
    writeFileSync(
      file,
      '---\ninput:\n  __proto__: string\n---\n{% set constructor = 1 %}{{ __lookupGetter__ }}\n',
    );
    const result = await runOt(['check', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error OT2016: input `__proto__` is not allowed');
    expect(result.stderr).toContain('error OT2015: cannot bind `constructor`');
    expect(result.stderr).toContain('error OT2017: access to variable `__lookupGetter__`');
    expect(result.stderr).not.toContain('OT2003');
  });
});
