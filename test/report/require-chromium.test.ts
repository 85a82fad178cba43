import { afterEach, describe, expect, it, vi } from 'vitest';
import { requireChromium } from '../helpers/require-chromium.js';

describe('requireChromium', () => {
  afterEach(() => vi.restoreAllMocks());

  it('finds the browser that OT_CHROMIUM names', () => {
    expect(requireChromium('suite', { OT_CHROMIUM: process.execPath })).toBe(process.execPath);
  });

  it('skips with one line outside CI, and fails under CI', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const env = { OT_CHROMIUM: '/nonexistent/chromium' };
    expect(requireChromium('browser suite', env)).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe(
      'skipping browser suite: Chromium not found (OT_CHROMIUM=/nonexistent/chromium); install it to run these tests',
    );
    expect(requireChromium('browser suite', { ...env, CI: 'false' })).toBeUndefined();
    expect(() => requireChromium('browser suite', { ...env, CI: 'true' })).toThrow(
      'browser suite: Chromium not found (OT_CHROMIUM=/nonexistent/chromium); CI must install it',
    );
  });
});
