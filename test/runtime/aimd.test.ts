import { describe, expect, it } from 'vitest';
import { AimdController } from '../../src/runtime/aimd.js';

describe('AimdController', () => {
  it('halves on a 429 down to 1, once per burst of 429s', () => {
    const aimd = new AimdController(32);
    expect(aimd.rateLimited()).toBe(true);
    expect(aimd.limit).toBe(16);
    // More 429s before any success are the same congestion.
    expect(aimd.rateLimited()).toBe(false);
    expect(aimd.limit).toBe(16);
    for (const expected of [8, 4, 2, 1, 1]) {
      aimd.succeeded();
      aimd.rateLimited();
      expect(aimd.limit).toBe(expected);
    }
  });

  it('grows by one after each round of `limit` successes, up to the cap', () => {
    const aimd = new AimdController(6);
    aimd.rateLimited();
    expect(aimd.limit).toBe(3);
    const steps: number[] = [];
    for (let i = 0; i < 30; i++) if (aimd.succeeded()) steps.push(i + 1);
    // 3 successes at 3, 4 at 4, 5 at 5; then the cap.
    expect(steps).toEqual([3, 7, 12]);
    expect(aimd.limit).toBe(6);
  });

  it('starts the count again after a 429', () => {
    const aimd = new AimdController(8);
    aimd.rateLimited();
    aimd.succeeded();
    aimd.succeeded();
    aimd.succeeded();
    aimd.rateLimited();
    expect(aimd.limit).toBe(2);
    expect(aimd.succeeded()).toBe(false);
    expect(aimd.succeeded()).toBe(true);
    expect(aimd.limit).toBe(3);
  });
});
