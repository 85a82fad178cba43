import type { ProgramIR } from '../ir/ir.js';
import { analyzeProgram } from './analysis/analyze-program.js';
import { buildPlan } from './build-plan.js';
import type { Plan } from './plan-types.js';

/**
 * The parallel plan of a program (ARCHITECTURE.md §2): for every model call, the calls it waits
 * for and why, its stage, which loops and forks overlap their iterations, the critical path and
 * how many calls a run makes. Static: the runtime does not follow it (it is dataflow), but it
 * agrees with what the runtime does. Never throws; what it cannot see is a diagnostic.
 */
export function plan(program: ProgramIR): Plan {
  return buildPlan(analyzeProgram(program));
}
