/**
 * The `loop` variable of a `for` body. These seven fields, in this order, are all nunjucks sets
 * (`frame.set("loop.index", …)`): there is no `loop.cycle`, `loop.depth` or `loop.previtem`.
 */
export interface LoopVariables {
  index: number;
  index0: number;
  revindex: number;
  revindex0: number;
  first: boolean;
  last: boolean;
  length: number;
}

/** The loop variables of iteration `index0` (from 0) of `length`. */
export function createLoop(index0: number, length: number): LoopVariables {
  return {
    index: index0 + 1,
    index0,
    revindex: length - index0,
    revindex0: length - index0 - 1,
    first: index0 === 0,
    last: index0 === length - 1,
    length,
  };
}

/**
 * Moves a loop object to iteration `index0`. nunjucks keeps one `loop` object per loop and
 * overwrites its fields each iteration, so a `{% set l = loop %}` sees the later values; reuse
 * the object with this to mirror that (and to allocate nothing per iteration).
 */
export function advanceLoop(loop: LoopVariables, index0: number, length: number): void {
  loop.index = index0 + 1;
  loop.index0 = index0;
  loop.revindex = length - index0;
  loop.revindex0 = length - index0 - 1;
  loop.first = index0 === 0;
  loop.last = index0 === length - 1;
  loop.length = length;
}
