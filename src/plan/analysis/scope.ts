import type { ParamIR, Stmt, TemplateIR } from '../../ir/ir.js';
import { StoreMap, StoreSet } from './journal.js';
import type { Origin } from './origins.js';

/** A macro as the analysis knows it: enough to inline its body where it is called. */
export interface MacroRef {
  name: string;
  params: readonly ParamIR[];
  body: readonly Stmt[];
  template: TemplateIR;
  /** For a `call` block's `caller`: the frame it was defined in (its body runs in a child). */
  definitionFrame: AbstractFrame | null;
  /** Identifies the definition, to stop recursion. */
  key: string;
}

/** What the analysis knows of a variable's value. */
export interface AbstractValue {
  /** The calls the value waits for (empty: known as soon as the walk reaches it). */
  origins: ReadonlySet<Origin>;
  /** When the value is a macro of the template. */
  macro?: MacroRef;
  /** When the value is known statically (literals, for loop counts). */
  constant?: { value: unknown };
}

/** A value that depends on nothing. */
export const KNOWN: AbstractValue = Object.freeze({ origins: new Set<Origin>() });

/**
 * The analysis' mirror of the interpreter's `Frame` (src/runtime/interpreter/frame.ts): the same
 * resolution rules, so a `set` reaches the same variable in both.
 */
export class AbstractFrame {
  vars = new StoreMap();
  topLevel = false;

  constructor(
    readonly parent: AbstractFrame | null,
    readonly isolateWrites: boolean,
  ) {}

  /** A child frame. */
  push(isolateWrites = false): AbstractFrame {
    return new AbstractFrame(this, isolateWrites);
  }

  /** `Frame.set`, dotted names reduced to their head (the analysis tracks whole variables). */
  set(name: string, value: AbstractValue, resolveUp = false): void {
    const head = name.includes('.') ? name.slice(0, name.indexOf('.')) : name;
    if (resolveUp) {
      const owner = this.resolve(head, true);
      if (owner) {
        owner.vars.set(head, value);
        return;
      }
    }
    this.vars.set(head, value);
  }

  /** The value in this frame or an ancestor. */
  lookup(name: string): AbstractValue | undefined {
    for (let frame: AbstractFrame | null = this; frame; frame = frame.parent) {
      const value = frame.vars.get(name);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** `Frame.resolve`: the frame holding `name`, not past an isolating frame for a write. */
  resolve(name: string, forWrite: boolean): AbstractFrame | null {
    if (this.vars.has(name)) return this;
    const parent = forWrite && this.isolateWrites ? null : this.parent;
    return parent ? parent.resolve(name, false) : null;
  }

  /** A copy of the chain (`Frame.snapshot`). */
  snapshot(copies = new Map<AbstractFrame, AbstractFrame>()): AbstractFrame {
    const existing = copies.get(this);
    if (existing) return existing;
    const copy = new AbstractFrame(
      this.parent ? this.parent.snapshot(copies) : null,
      this.isolateWrites,
    );
    copy.topLevel = this.topLevel;
    copy.vars = new StoreMap(this.vars);
    copies.set(this, copy);
    return copy;
  }

  /** This frame and its ancestors. */
  chain(): AbstractFrame[] {
    const frames: AbstractFrame[] = [];
    for (let frame: AbstractFrame | null = this; frame; frame = frame.parent) frames.push(frame);
    return frames;
  }
}

/** The mirror of the interpreter's `Context`: inputs and top-level variables. */
export class AbstractContext {
  readonly vars: StoreMap;

  constructor(vars: ReadonlyMap<string, AbstractValue>) {
    this.vars = new StoreMap(vars);
  }

  /** A copy (includes and deferred statements get one). */
  snapshot(): AbstractContext {
    return new AbstractContext(this.vars);
  }
}

/**
 * The mirror of an `OutputBuffer`: which calls the text before it (`before`) and its own text so
 * far (`own`) depend on. A call's prefix is both.
 */
export class AbstractBuffer {
  readonly own = new StoreSet();

  constructor(readonly before: ReadonlySet<Origin>) {}

  /** The origins of the prefix at the current end of this buffer. */
  prefix(): Set<Origin> {
    return new Set([...this.before, ...this.own]);
  }

  /** Records text that waits for `origins`. */
  write(origins: Iterable<Origin>): void {
    for (const origin of origins) this.own.add(origin);
  }
}

/** Assigns as `assignVariable` does: up to the frame that has it, and at top level also in the context. */
export function assignAbstract(
  frame: AbstractFrame,
  context: AbstractContext,
  name: string,
  value: AbstractValue,
): void {
  frame.set(name, value, true);
  if (frame.topLevel) context.vars.set(name, value);
}

/** Looks a name up as `lookupName` does: frames, then the context. */
export function lookupAbstract(
  frame: AbstractFrame,
  context: AbstractContext,
  name: string,
): AbstractValue | undefined {
  return frame.lookup(name) ?? context.vars.get(name);
}
