/**
 * The names no template may read, bind or reach as a member: each leads from a value to
 * JavaScript's internals (a constructor is `Function`'s door, `__proto__` and the legacy
 * accessor methods rewrite or expose prototypes). Variables, `set`/loop/macro bindings, keyword
 * arguments, inputs and member access all refuse them (README, "Sandbox and threat model").
 */
export const FORBIDDEN_NAMES: readonly string[] = [
  'constructor',
  '__proto__',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
];

const forbidden = new Set(FORBIDDEN_NAMES);

/** True for a name that templates may neither use as a variable nor reach as a member. */
export function isForbiddenName(name: string): boolean {
  return forbidden.has(name);
}
