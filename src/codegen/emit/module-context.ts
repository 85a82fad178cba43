import type { BuiltinCallExprIR, ProgramIR, TemplateIR } from '../../ir/ir.js';
import type { Plan, PlannedCall } from '../../plan/plan-types.js';
import { formatLocation, type SourceFile } from '../../source/source-file.js';
import type { Span } from '../../source/span.js';
import type { PendingFacts } from '../pending-facts.js';
import { jsLiteral } from './js-literal.js';

/** The generated names of one template. */
export interface TemplateNames {
  /** The function that renders its body. */
  render: string;
  /** The constant holding its `defineTemplate(…)`. */
  constant: string;
}

/**
 * What the code of one module shares: the constants hoisted to module level (spans, call sites,
 * deferral skeletons), the templates' names, the plan and the facts that decide where code can
 * skip waiting.
 */
export class ModuleContext {
  private readonly spans: string[] = [];
  private readonly spanIndex = new Map<string, number>();
  readonly constants: string[] = [];
  private readonly templateNames = new Map<string, TemplateNames>();
  private readonly usedNames = new Set<string>();
  private readonly callsBySite = new Map<string, PlannedCall[]>();
  private readonly stageCalls = new Map<number, string[]>();
  private nextConstant = 0;

  constructor(
    readonly program: ProgramIR,
    readonly plan: Plan,
    readonly facts: PendingFacts,
    readonly sources: Readonly<Record<string, SourceFile>>,
  ) {
    for (const path of Object.keys(program.templates))
      this.templateNames.set(path, this.namesFor(path));
    for (const call of plan.calls) {
      const key = `${call.file}:${call.span.start}`;
      const calls = this.callsBySite.get(key);
      if (calls) calls.push(call);
      else this.callsBySite.set(key, [call]);
    }
    for (const stage of plan.stages) this.stageCalls.set(stage.stage, stage.calls);
  }

  /** The other calls of a call's stage. */
  sameStage(call: PlannedCall): string[] {
    return (this.stageCalls.get(call.stage) ?? []).filter((id) => id !== call.id);
  }

  /** `SPAN[i]`: a span of `file`, for errors located as the interpreter locates them. */
  span(file: string, span: Span): string {
    const key = `${file}:${span.start}:${span.end}`;
    let index = this.spanIndex.get(key);
    if (index === undefined) {
      index = this.spans.length;
      this.spanIndex.set(key, index);
      this.spans.push(
        `{ start: ${span.start}, end: ${span.end} }, // ${index}: ${this.locate(file, span.start)}`,
      );
    }
    return `SPAN[${index}]`;
  }

  /** The index of a span in `SPAN` (statements set `at` to it). */
  spanNumber(file: string, span: Span): number {
    return Number(/\d+/.exec(this.span(file, span))![0]);
  }

  /** A module-level constant for `call site`, `deferral` … values; returns its name. */
  constant(prefix: string, expression: string, comment?: string): string {
    const name = `${prefix}_${++this.nextConstant}`;
    this.constants.push(`const ${name} = ${expression};${comment ? ` // ${comment}` : ''}`);
    return name;
  }

  /** The call-site constant of a builtin call. */
  callSite(file: string, expr: BuiltinCallExprIR): string {
    const resolved = expr.resolved === null ? '' : `, ${jsLiteral(expr.resolved)}`;
    return this.constant(
      'CALL',
      `callSite(${jsLiteral(expr.name)}, ${expr.span.start}, ${expr.span.end}${resolved})`,
      `${this.locate(file, expr.span.start)} ${expr.name}`,
    );
  }

  /** The plan's calls at a builtin call (one per instantiation: a macro called twice has two). */
  plannedAt(file: string, span: Span): PlannedCall[] {
    return this.callsBySite.get(`${file}:${span.start}`) ?? [];
  }

  /** The generated names of a template. */
  names(path: string): TemplateNames {
    return this.templateNames.get(path)!;
  }

  /** The templates in the order their code appears: the entry first, then by path. */
  templates(): TemplateIR[] {
    const others = Object.keys(this.program.templates)
      .filter((path) => path !== this.program.entry)
      .sort();
    return [this.program.entry, ...others].map((path) => this.program.templates[path]!);
  }

  /** `file:line:col` of an offset. */
  locate(file: string, offset: number): string {
    const source = this.sources[file];
    return source ? formatLocation(source, offset) : `${file}@${offset}`;
  }

  /** The `SPAN` table's entries. */
  spanEntries(): readonly string[] {
    return this.spans;
  }

  private namesFor(path: string): TemplateNames {
    const base =
      (path.split(/[\\/]/).pop() ?? 'template')
        .replace(/\.ot$/, '')
        .replace(/[^A-Za-z0-9_$]/g, '_') || 'template';
    let name = /^[0-9]/.test(base) ? `_${base}` : base;
    for (let i = 2; this.usedNames.has(name); i++) name = `${base}_${i}`;
    this.usedNames.add(name);
    return { render: `render_${name}`, constant: `TEMPLATE_${name}` };
  }
}
