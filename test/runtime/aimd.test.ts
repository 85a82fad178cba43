import { describe, expect, it } from 'vitest';
import { AimdController } from '../../src/runtime/aimd.js';

describe('AimdController', () => {
  it('halves on a 429, at most once a round, down to 1', () => {
    const aimd = new AimdController(32);
    expect(aimd.rateLimited()).toBe(true);
    expect(aimd.limit).toBe(16);
    // 429s before a round of 16 successes are the same congestion.
    for (let i = 0; i < 15; i++) aimd.succeeded();
    expect(aimd.rateLimited()).toBe(false);
    expect(aimd.limit).toBe(16);
    for (let i = 0; i < 16; i++) aimd.succeeded();
    expect(aimd.limit).toBe(17);
    expect(aimd.rateLimited()).toBe(true);
    expect(aimd.limit).toBe(8);
    const low = new AimdController(2);
    low.rateLimited();
    low.succeeded();
    expect(low.limit).toBe(2);
    low.succeeded();
    low.rateLimited();
    expect(low.limit).toBe(1);
    // Never below 1.
    expect(low.rateLimited()).toBe(false);
    expect(low.limit).toBe(1);
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

  it('starts the count of successes again after a 429', () => {
    const aimd = new AimdController(8);
    aimd.rateLimited();
    for (let i = 0; i < 3; i++) expect(aimd.succeeded()).toBe(false);
    expect(aimd.rateLimited()).toBe(false);
    expect(aimd.limit).toBe(4);
    for (let i = 0; i < 3; i++) expect(aimd.succeeded()).toBe(false);
    expect(aimd.succeeded()).toBe(true);
    expect(aimd.limit).toBe(5);
  });
});
