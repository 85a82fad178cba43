import type { ProgramIR } from '../../ir/ir.js';
import { countOf } from '../count.js';
import { analyzeBody } from './body.js';
import { AbstractBuffer, AbstractFrame } from './scope.js';
import type { Analysis } from './state.js';
import { templateContext } from './template-context.js';

/**
 * Walks the program's entry template abstractly, as the interpreter would run it, and collects
 * every model call site with what it waits for, every loop, flow and guard.
 */
export function analyzeProgram(program: ProgramIR): Analysis {
  const analysis: Analysis = {
    program,
    calls: new Map(),
    loops: new Map(),
    loopOrder: [],
    flows: [],
    flowsByKey: new Map(),
    guards: [],
    guardsByKey: new Map(),
    diagnostics: [],
    reported: new Set(),
    nextLoopId: 0,
  };
  const entry = program.templates[program.entry];
  if (!entry) return analysis;
  const frame = new AbstractFrame(null, false);
  frame.topLevel = true;
  analyzeBody(entry.body, {
    analysis,
    template: entry,
    frame,
    context: templateContext(entry, new Map()),
    out: new AbstractBuffer(new Set()),
    ambient: new Map(),
    instance: '',
    stack: [`flow:${entry.path}`],
    scope: [],
    guards: [],
    repeat: countOf(1),
    loops: [],
    block: null,
    bound: new Set(),
    inLoop: false,
  });
  return analysis;
}
