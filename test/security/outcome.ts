import { expect } from 'vitest';
import { errorSummary } from '../../src/cli/run/format-result.js';
import { leaks, prototypeSnapshot, type Payload } from './payloads.js';

/** What running a payload gave: its text, or its error summary (`CODE: message; …`). */
export type Outcome = { ok: true; text: string } | { ok: false; error: string };

/** Runs `attempt`, capturing a thrown error's summary. */
export async function outcomeOf(attempt: () => Promise<string> | string): Promise<Outcome> {
  try {
    return { ok: true, text: await attempt() };
  } catch (error) {
    return { ok: false, error: errorSummary(error) };
  }
}

/** Asserts that `payload` was stopped by one of its codes and leaked nothing. */
export function expectStopped(payload: Payload, outcome: Outcome): void {
  expect(outcome.ok, `${payload.name} rendered ${JSON.stringify(outcome)}`).toBe(false);
  if (outcome.ok) return;
  const codes = [...outcome.error.matchAll(/\bOT\d{4}\b/g)].map((m) => m[0]);
  expect(
    codes.some((code) => payload.codes.includes(code)),
    outcome.error,
  ).toBe(true);
  expectNoLeak(outcome.error);
}

/** Asserts that `text` shows no function source, process or user name. */
export function expectNoLeak(text: string): void {
  for (const leak of leaks) expect(text).not.toMatch(leak);
}

/** The built-in prototypes as the test process started: every test compares against it. */
export const pristinePrototypes = prototypeSnapshot();

/** Asserts that no built-in prototype gained or lost a property. */
export function expectPrototypesUntouched(): void {
  expect(prototypeSnapshot()).toEqual(pristinePrototypes);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}
