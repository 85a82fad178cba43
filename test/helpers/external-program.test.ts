import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCi, requireExternalProgram, type ExternalProgram } from './external-program.js';

const program = (name: string): ExternalProgram => ({
  name,
  install: `apt-get install ${name}`,
  overrideEnv: 'OT_TEST_PROGRAM',
  suites: `${name} suites`,
});

describe('requireExternalProgram', () => {
  afterEach(() => vi.restoreAllMocks());

  it('finds a program on PATH', () => {
    expect(requireExternalProgram(program('node'), { PATH: process.env['PATH'] })).toMatch(/node$/);
  });

  it('without CI, skips with one warning line saying why and how to install it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const env = { PATH: '/nonexistent-dir' };
    expect(requireExternalProgram(program('no-such-program-a'), env)).toBeUndefined();
    expect(requireExternalProgram(program('no-such-program-a'), env)).toBeUndefined();
    expect(warn.mock.calls).toEqual([
      [
        'skipping no-such-program-a suites: no-such-program-a not on PATH (apt-get install no-such-program-a)',
      ],
    ]);
  });

  it('under CI, a missing program is a failure', () => {
    expect(() =>
      requireExternalProgram(program('no-such-program-b'), { PATH: '', CI: 'true' }),
    ).toThrow(
      /no-such-program-b suites need no-such-program-b under CI, but no-such-program-b not on PATH/,
    );
  });

  it('the override variable replaces PATH', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const env = { PATH: process.env['PATH'], OT_TEST_PROGRAM: '/nonexistent' };
    expect(requireExternalProgram(program('node'), env)).toBeUndefined();
    expect(() => requireExternalProgram(program('node'), { ...env, CI: '1' })).toThrow(
      /OT_TEST_PROGRAM=\/nonexistent is not an executable/,
    );
    expect(requireExternalProgram(program('x'), { OT_TEST_PROGRAM: process.execPath })).toBe(
      process.execPath,
    );
  });

  it('reads CI as most CI systems set it', () => {
    expect([undefined, '', 'false', '0'].map((CI) => isCi({ CI }))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(['true', '1', 'yes'].map((CI) => isCi({ CI }))).toEqual([true, true, true]);
  });
});
