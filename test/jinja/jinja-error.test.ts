import { describe, expect, it } from 'vitest';
import {
  errorReason,
  isJinjaError,
  JinjaError,
  toJinjaError,
} from '../../src/runtime/jinja/index.js';

describe('JinjaError', () => {
  it('carries a catalog code and its arguments, with the catalog message', () => {
    const error = new JinjaError('OT4001', { name: 'constructor' });
    expect(error.code).toBe('OT4001');
    expect(error.args).toEqual({ name: 'constructor' });
    expect(error.message).toBe('OT4001: access to property `constructor` is not allowed');
    expect(isJinjaError(error)).toBe(true);
  });

  it('wraps any other error as OT4005 with its message, keeping the cause', () => {
    const cause = new RangeError('Invalid count value: -1');
    const wrapped = toJinjaError(cause);
    expect(wrapped).toMatchObject({ code: 'OT4005', args: { reason: 'Invalid count value: -1' } });
    expect(wrapped.cause).toBe(cause);
    expect(toJinjaError('plain')).toMatchObject({ args: { reason: 'plain' } });
    expect(errorReason(new Error('x'))).toBe('x');
  });

  it('passes JinjaErrors through unchanged', () => {
    const error = new JinjaError('OT4012', { what: 'a number' });
    expect(toJinjaError(error)).toBe(error);
  });

  it('is recognised across module copies by name', () => {
    const lookalike = new Error('copy');
    lookalike.name = 'JinjaError';
    expect(isJinjaError(lookalike)).toBe(true);
    expect(isJinjaError(new Error('other'))).toBe(false);
  });
});
