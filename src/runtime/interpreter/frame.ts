import { isForbiddenName } from '../jinja/forbidden-names.js';
import { JinjaError } from '../jinja/jinja-error.js';
import { Pending } from './pending.js';

/**
 * Variable scopes, mirroring nunjucks' run-time `Frame` and `Context` exactly, because the
 * rendered text must equal nunjucks' (LANGUAGE.md §3): `set` writes up to the frame that already
 * has the name (stopping at isolating frames), loops push a frame, macros start a fresh one,
 * and names missing from every frame are looked up in the context (inputs, top-level sets,
 * globals). A variable holding `undefined` counts as absent, as in nunjucks.
 */
export class Frame {
  variables: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  topLevel = false;

  constructor(
    readonly parent: Frame | null,
    readonly isolateWrites: boolean,
  ) {}

  /** A child frame (a loop body, an include, a `call` body). */
  push(isolateWrites = false): Frame {
    return new Frame(this, isolateWrites);
  }

  /** nunjucks' `frame.set(name, value, resolveUp)`, including dotted names (`loop.index`). */
  set(name: string, value: unknown, resolveUp = false): void {
    if (resolveUp) {
      const head = name.includes('.') ? name.slice(0, name.indexOf('.')) : name;
      const owner = this.resolve(head, true);
      if (owner) {
        owner.set(name, value);
        return;
      }
    }
    if (!name.includes('.')) {
      this.variables[name] = value;
      return;
    }
    const parts = name.split('.');
    let target = this.variables;
    for (let i = 0; i < parts.length - 1; i++) {
      const key = parts[i]!;
      if (!target[key]) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[parts[parts.length - 1]!] = value;
  }

  /** The value of `name` in this frame or an ancestor, or undefined. */
  lookup(name: string): unknown {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let frame: Frame | null = this;
    while (frame) {
      const value = frame.variables[name];
      if (value !== undefined && !isSettledUndefined(value)) return value;
      frame = frame.parent;
    }
    return undefined;
  }

  /** The frame that holds `name` (for a write, not past an isolating frame). */
  resolve(name: string, forWrite: boolean): Frame | null {
    const value = this.variables[name];
    if (value !== undefined && !isSettledUndefined(value)) return this;
    const parent = forWrite && this.isolateWrites ? null : this.parent;
    // nunjucks passes no `forWrite` past the first level, so only this frame's flag counts.
    return parent ? parent.resolve(name, false) : null;
  }

  /** A copy of this frame chain, so a deferred statement sees the variables as of its place. */
  snapshot(copies = new Map<Frame, Frame>()): Frame {
    const existing = copies.get(this);
    if (existing) return existing;
    const copy = new Frame(this.parent ? this.parent.snapshot(copies) : null, this.isolateWrites);
    copy.topLevel = this.topLevel;
    copy.variables = Object.assign(Object.create(null) as Record<string, unknown>, this.variables);
    copies.set(this, copy);
    return copy;
  }
}

/**
 * The render context: inputs, top-level variables and globals (nunjucks' `Context`). Both stores
 * have no prototype and are read by own property only, so no name reaches `Object.prototype`.
 */
export class Context {
  readonly variables: Record<string, unknown>;
  readonly globals: Record<string, unknown>;

  constructor(variables: Record<string, unknown>, globals: Record<string, unknown>) {
    this.variables = nullPrototypeCopy(variables);
    this.globals = Object.getPrototypeOf(globals) === null ? globals : nullPrototypeCopy(globals);
  }

  /** nunjucks' `context.lookup`: a global only when the context has no such name. */
  lookup(name: string): unknown {
    if (!hasOwn(this.variables, name))
      return hasOwn(this.globals, name) ? this.globals[name] : undefined;
    const value = this.variables[name];
    return isSettledUndefined(value) ? undefined : value;
  }

  setVariable(name: string, value: unknown): void {
    this.variables[name] = value;
  }

  /** A copy for a deferred statement or an include (nunjucks copies the context for includes). */
  snapshot(): Context {
    return new Context(this.variables, this.globals);
  }
}

/**
 * nunjucks' `contextOrFrameLookup`, refusing the forbidden names (`constructor`, `__proto__`…)
 * with OT4001 as member access does: the sandbox's gate for names.
 */
export function lookupName(context: Context, frame: Frame, name: string): unknown {
  if (isForbiddenName(name)) throw new JinjaError('OT4001', { name });
  const value = frame.lookup(name);
  return value !== undefined ? value : context.lookup(name);
}

function hasOwn(record: Record<string, unknown>, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, name);
}

/** An own-property copy without a prototype (`Object.assign` defines `__proto__` as a plain key on it). */
function nullPrototypeCopy(record: Record<string, unknown>): Record<string, unknown> {
  return Object.assign(Object.create(null) as Record<string, unknown>, record);
}

/** A variable whose deferred value turned out to be undefined counts as absent. */
function isSettledUndefined(value: unknown): boolean {
  return value instanceof Pending && value.settled && !value.failed && value.value === undefined;
}
