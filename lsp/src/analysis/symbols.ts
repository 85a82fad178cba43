import type { ast } from 'ot-lang/tools';
import { builtinNames, nunjucksGlobalNames } from 'ot-lang/tools';
import { assertNever } from '../assert-never.js';
import type { FrontMatterInfo } from './front-matter.js';
import { exprChildren } from 'ot-lang/tools';
import type { Span } from './span.js';

/** How a name comes to be bound. */
export type BindingKind =
  'input' | 'set' | 'capture' | 'loop' | 'macro' | 'param' | 'callerParam' | 'callBound';

/** The kinds of variables no code of the template binds. */
export type ImplicitKind = 'global' | 'loopObject' | 'caller';

/** One place where a name is bound: the identifier and the construct around it. */
export interface Binding {
  name: string;
  kind: BindingKind;
  /** The identifier (for an input, its key in the front matter). */
  span: Span;
  /** The construct that binds it; null for inputs. */
  node: ast.Node | null;
  variable: Variable;
  /** Where the binding makes its name visible (after a `set`; a whole loop body; …). */
  visible: Span[];
}

/**
 * A variable: one name in one scope, with every binding and every read of it. A name set twice
 * in the same scope is one variable with two bindings (nunjucks overwrites it), which is what
 * renaming must change together.
 */
export interface Variable {
  id: number;
  name: string;
  scope: Scope;
  bindings: Binding[];
  references: Reference[];
  /** Set for the names nobody binds in the template: globals, `loop`, `caller`. */
  implicit: ImplicitKind | null;
  /** For implicit variables: where they are visible (the template, a loop body, a macro body). */
  region: Span | null;
}

/** A read of a name. */
export interface Reference {
  name: string;
  span: Span;
  /** Null when no scope binds it (lowering warns about it). */
  variable: Variable | null;
  /** True for `name(…)`. */
  called: boolean;
}

/** The kinds of scopes, after nunjucks (see `Scope.kind`). */
export type ScopeKind = 'template' | 'loop' | 'macro' | 'caller' | 'branch';

/**
 * A scope. `if`, `role`, `filter` and `set` blocks share their parent's; `for`, macro and `call`
 * bodies have their own, in which names bound anywhere in the body count as bound throughout;
 * a fork branch has its own, whose names become visible after the fork.
 */
export interface Scope {
  id: number;
  kind: ScopeKind;
  parent: Scope | null;
  /** Where the scope's code lies. */
  span: Span;
}

/** Where a builtin is named in a call: `<< generate_text(…) >>`. */
export interface BuiltinReference {
  name: string;
  span: Span;
  call: ast.CallExpr;
}

/** A keyword argument of a builtin call, e.g. `temperature=` in `generate_text(temperature=0)`. */
export interface BuiltinKeyword {
  builtin: string;
  name: ast.Identifier;
  call: ast.CallExpr;
}

/** Every name of a template, resolved to the variables they mean. */
export interface SymbolIndex {
  variables: Variable[];
  references: Reference[];
  bindings: Binding[];
  builtins: BuiltinReference[];
  builtinKeywords: BuiltinKeyword[];
  filters: ast.Identifier[];
  tests: ast.Identifier[];
  properties: ast.Identifier[];
  /** Keyword arguments of macro calls and filters (not builtins). */
  keywords: ast.Identifier[];
  /** Inputs that shadow a builtin: there, the name is a variable (LANGUAGE.md §4). */
  shadowedBuiltins: ReadonlySet<string>;
  /** Macro bodies, which see every top-level name whatever its position. */
  macroBodies: Span[];
}

/** Resolves every name of a parsed template (see `Scope` for the rules). */
export function buildSymbolIndex(
  template: ast.TemplateNode,
  frontMatter: FrontMatterInfo | null,
): SymbolIndex {
  const walker = new ScopeWalker(template, frontMatter);
  walker.run();
  return walker.index;
}

/**
 * The variables visible at an offset, each name once (the innermost scope's variable when names
 * are shadowed). Inside a macro this includes every top-level name, since nunjucks looks them
 * up when the macro runs. Reads the bindings' visibility ranges: no walk of the template.
 */
export function variablesVisibleAt(index: SymbolIndex, offset: number): Variable[] {
  const inside = (span: Span) => offset >= span.start && offset <= span.end;
  const inMacro = index.macroBodies.some(inside);
  const best = new Map<string, Variable>();
  const consider = (variable: Variable) => {
    const current = best.get(variable.name);
    if (!current || depth(variable.scope) > depth(current.scope)) best.set(variable.name, variable);
  };
  for (const variable of index.variables) {
    if (variable.implicit !== null) {
      if (variable.region && inside(variable.region)) consider(variable);
    } else if (variable.bindings.some((binding) => binding.visible.some(inside))) {
      consider(variable);
    } else if (inMacro && variable.scope.parent === null && variable.bindings.length > 0) {
      consider(variable);
    }
  }
  return [...best.values()];
}

function depth(scope: Scope): number {
  let count = 0;
  for (let s = scope.parent; s; s = s.parent) count++;
  return count;
}

/** What a frame of the walk sees: names bound so far, and (in macros) every top-level name. */
interface Frame {
  scope: Scope;
  visible: Map<string, Variable>;
  /** Variables whose bindings are hoisted here (a branch's names belong to the fork's scope). */
  home: Frame;
  parent: Frame | null;
  /** In a macro: the top-level frame, whose names are all visible whatever their position. */
  seesAllOf: Frame | null;
  /** In a fork branch: where the fork ends (the branch's names are visible again from there). */
  forkEnd: number | null;
}

class ScopeWalker {
  readonly index: SymbolIndex;
  private nextVariable = 0;
  private nextScope = 0;
  private frame: Frame;
  private readonly root: Frame;
  /** Every name bound at the top level, for macro bodies. */
  private readonly topLevel: Map<string, Variable> = new Map();

  constructor(
    private readonly template: ast.TemplateNode,
    private readonly frontMatter: FrontMatterInfo | null,
  ) {
    const shadowed = new Set(
      (frontMatter?.inputs ?? [])
        .map((input) => input.name)
        .filter((name) => (builtinNames as readonly string[]).includes(name)),
    );
    this.index = {
      variables: [],
      references: [],
      bindings: [],
      builtins: [],
      builtinKeywords: [],
      filters: [],
      tests: [],
      properties: [],
      keywords: [],
      shadowedBuiltins: shadowed,
      macroBodies: [],
    };
    const scope = this.createScope('template', null, template.span);
    const frame: Frame = {
      scope,
      visible: new Map(),
      home: null!,
      parent: null,
      seesAllOf: null,
      forkEnd: null,
    };
    frame.home = frame;
    this.root = frame;
    this.frame = frame;
  }

  run(): void {
    for (const name of nunjucksGlobalNames) {
      this.root.visible.set(
        name,
        this.createVariable(this.root.scope, name, 'global', this.template.span),
      );
    }
    for (const input of this.frontMatter?.inputs ?? []) {
      const variable = this.variableIn(this.root, input.name);
      this.root.visible.set(input.name, variable);
      this.bind(variable, 'input', input.span, null, [this.template.span]);
    }
    for (const name of boundInScope(this.template.body)) {
      this.topLevel.set(name, this.variableIn(this.root, name));
    }
    this.nodes(this.template.body);
  }

  // --- nodes ---------------------------------------------------------------------------------

  private nodes(nodes: readonly ast.Node[]): void {
    for (const node of nodes) {
      this.node(node);
    }
  }

  private node(node: ast.Node): void {
    switch (node.type) {
      case 'Text':
      case 'Comment':
      case 'Raw':
        return;
      case 'Output':
        this.expr(node.expr);
        return;
      case 'If':
        for (const branch of node.branches) {
          this.expr(branch.test);
          this.nodes(branch.body);
        }
        if (node.otherwise) this.nodes(node.otherwise);
        return;
      case 'For':
        this.forLoop(node);
        return;
      case 'Set':
        this.expr(node.value);
        for (const target of node.targets) this.bindHere(target, 'set', node, node.span.end);
        return;
      case 'SetBlock':
        this.nodes(node.body);
        for (const target of node.targets) this.bindHere(target, 'capture', node, node.span.end);
        return;
      case 'Include':
        this.expr(node.template);
        return;
      case 'Macro':
        this.macro(node);
        return;
      case 'CallTag':
        this.callTag(node);
        return;
      case 'FilterBlock':
        for (const arg of node.args) this.expr(arg);
        for (const kwarg of node.kwargs) {
          this.index.keywords.push(kwarg.name);
          this.expr(kwarg.value);
        }
        this.nodes(node.body);
        return;
      case 'Fork':
        this.fork(node);
        return;
      case 'Branch':
        // A branch outside a fork (lowering reports it): its names stay inside.
        this.inScope('branch', node.body, node.span, () => this.nodes(node.body));
        return;
      case 'UnsupportedTag':
        this.nodes(node.body);
        return;
      case 'Role':
        this.expr(node.role);
        this.nodes(node.body);
        return;
      case 'CallBlock':
        for (const term of node.terms) this.expr(term);
        if (node.target) this.bindHere(node.target, 'callBound', node, node.span.end);
        return;
      default:
        assertNever(node);
    }
  }

  private forLoop(node: ast.ForNode): void {
    this.expr(node.iterable);
    const bodySpan = bodyRegion(node.tags, node.span, 0);
    this.inScope('loop', node.body, bodySpan, () => {
      this.frame.visible.set(
        'loop',
        this.createVariable(this.frame.scope, 'loop', 'loopObject', bodySpan),
      );
      for (const target of node.targets) {
        const variable = this.variableIn(this.frame, target.name);
        this.frame.visible.set(target.name, variable);
        this.bind(variable, 'loop', target.span, node, [bodySpan]);
      }
      this.nodes(node.body);
    });
    if (node.otherwise) this.nodes(node.otherwise);
  }

  private macro(node: ast.MacroNode): void {
    // Bound before its body, so that the macro can call itself.
    this.bindHere(node.name, 'macro', node, node.name.span.end);
    const bodySpan = { start: node.name.span.end, end: node.span.end };
    this.index.macroBodies.push(bodySpan);
    this.inScope('macro', node.body, bodySpan, () => {
      this.frame.seesAllOf = this.root;
      this.frame.visible.set(
        'caller',
        this.createVariable(this.frame.scope, 'caller', 'caller', bodySpan),
      );
      this.params(node.params, 'param', node);
      this.nodes(node.body);
    });
  }

  private callTag(node: ast.CallTagNode): void {
    this.expr(node.call);
    const bodySpan = bodyRegion(node.tags, node.span, 0);
    this.inScope('caller', node.body, bodySpan, () => {
      this.params(node.callerParams, 'callerParam', node);
      this.nodes(node.body);
    });
  }

  private fork(node: ast.ForkNode): void {
    const branchNames = new Map<string, Variable>();
    for (const part of node.body) {
      if (part.type !== 'Branch') {
        this.node(part);
        continue;
      }
      // Branches do not see each other; their names are visible after the fork, so their
      // variables live in the fork's own scope.
      this.inScope('branch', part.body, part.span, () => {
        this.frame.forkEnd = node.span.end;
        this.nodes(part.body);
        for (const [name, variable] of this.frame.visible) branchNames.set(name, variable);
      });
    }
    for (const [name, variable] of branchNames) this.frame.visible.set(name, variable);
  }

  private params(params: readonly ast.MacroParam[], kind: BindingKind, node: ast.Node): void {
    for (const param of params) {
      if (param.defaultValue) this.expr(param.defaultValue);
      const variable = this.variableIn(this.frame, param.name.name);
      this.frame.visible.set(param.name.name, variable);
      this.bind(variable, kind, param.name.span, node, [this.frame.scope.span]);
    }
  }

  /**
   * Runs `body` in a new frame. Names bound directly in an order-free body (loops, macros,
   * `call`) are visible throughout it, so they are declared before the walk.
   */
  private inScope(kind: ScopeKind, nodes: readonly ast.Node[], span: Span, body: () => void): void {
    const parent = this.frame;
    const scope = this.createScope(kind, parent.scope, span);
    const frame: Frame = {
      scope,
      visible: new Map(),
      home: null!,
      parent,
      seesAllOf: null,
      forkEnd: null,
    };
    frame.home = kind === 'branch' ? parent.home : frame;
    if (kind !== 'branch') {
      for (const name of boundInScope(nodes)) frame.visible.set(name, this.variableIn(frame, name));
    }
    this.frame = frame;
    try {
      body();
    } finally {
      this.frame = parent;
    }
  }

  // --- expressions ---------------------------------------------------------------------------

  private expr(expr: ast.Expr): void {
    switch (expr.type) {
      case 'Name':
        this.reference(expr.name, expr.span, false);
        break;
      case 'Call':
        this.call(expr);
        break;
      case 'Member':
        this.expr(expr.object);
        this.index.properties.push(expr.property);
        break;
      case 'Filter':
        this.expr(expr.target);
        this.index.filters.push(expr.name);
        for (const arg of expr.args) this.expr(arg);
        for (const kwarg of expr.kwargs) {
          this.index.keywords.push(kwarg.name);
          this.expr(kwarg.value);
        }
        break;
      case 'Test':
        this.expr(expr.target);
        this.index.tests.push(expr.name);
        for (const arg of expr.args) this.expr(arg);
        break;
      default:
        for (const child of exprChildren(expr)) this.expr(child);
    }
  }

  private call(expr: ast.CallExpr): void {
    const callee = expr.callee;
    const builtin =
      callee.type === 'Name' &&
      (builtinNames as readonly string[]).includes(callee.name) &&
      !this.index.shadowedBuiltins.has(callee.name)
        ? callee.name
        : null;
    if (builtin !== null && callee.type === 'Name') {
      this.index.builtins.push({ name: builtin, span: callee.span, call: expr });
    } else if (callee.type === 'Name') {
      this.reference(callee.name, callee.span, true);
    } else {
      this.expr(callee);
    }
    for (const arg of expr.args) this.expr(arg);
    for (const kwarg of expr.kwargs) {
      if (builtin !== null)
        this.index.builtinKeywords.push({ builtin, name: kwarg.name, call: expr });
      else this.index.keywords.push(kwarg.name);
      this.expr(kwarg.value);
    }
  }

  // --- bookkeeping ---------------------------------------------------------------------------

  private reference(name: string, span: Span, called: boolean): void {
    const variable = this.resolve(name);
    const reference: Reference = { name, span, variable, called };
    this.index.references.push(reference);
    variable?.references.push(reference);
  }

  private resolve(name: string): Variable | null {
    for (let frame: Frame | null = this.frame; frame; frame = frame.parent) {
      const found = frame.visible.get(name);
      if (found) return found;
      if (frame.seesAllOf) {
        const topLevel = this.topLevel.get(name);
        if (topLevel) return topLevel;
      }
    }
    return null;
  }

  /**
   * Binds `identifier` in the current frame (a branch's names go to the fork's variables). It is
   * visible from `from` on in a template's scope, and throughout an order-free scope (a loop,
   * macro or `call` body); a branch's name is visible in the rest of its branch, then after the fork.
   */
  private bindHere(
    identifier: ast.Identifier,
    kind: BindingKind,
    node: ast.Node,
    from: number,
  ): void {
    const frame = this.frame;
    const home = frame.home;
    const variable = frame.visible.get(identifier.name) ?? this.variableIn(home, identifier.name);
    frame.visible.set(identifier.name, variable);
    if (home === this.root) this.topLevel.set(identifier.name, variable);
    const scopeEnd = home.scope.span.end;
    const visible =
      home.scope.kind !== 'template'
        ? [home.scope.span]
        : frame.forkEnd !== null
          ? [
              { start: from, end: frame.scope.span.end },
              { start: frame.forkEnd, end: scopeEnd },
            ]
          : [{ start: from, end: scopeEnd }];
    this.bind(variable, kind, identifier.span, node, visible);
  }

  private bind(
    variable: Variable,
    kind: BindingKind,
    span: Span,
    node: ast.Node | null,
    visible: Span[],
  ): void {
    const binding: Binding = { name: variable.name, kind, span, node, variable, visible };
    variable.bindings.push(binding);
    this.index.bindings.push(binding);
  }

  /** The variable of `name` in a frame's scope, created on first use. */
  private variableIn(frame: Frame, name: string): Variable {
    const existing =
      frame.visible.get(name) ?? (frame === this.root ? this.topLevel.get(name) : undefined);
    if (existing && existing.scope === frame.scope && existing.implicit === null) return existing;
    return this.createVariable(frame.scope, name, null);
  }

  private createVariable(
    scope: Scope,
    name: string,
    implicit: ImplicitKind | null,
    region: Span | null = null,
  ): Variable {
    const variable: Variable = {
      id: this.nextVariable++,
      name,
      scope,
      bindings: [],
      references: [],
      implicit,
      region,
    };
    this.index.variables.push(variable);
    return variable;
  }

  private createScope(kind: ScopeKind, parent: Scope | null, span: Span): Scope {
    return { id: this.nextScope++, kind, parent, span };
  }
}

/**
 * The region between a block's opening tag and its next tag (`else`, `endfor`…): where its
 * body's scope applies. An unclosed block runs to the end of its span.
 */
function bodyRegion(tags: readonly ast.TagDelimiter[], span: Span, index: number): Span {
  const open = tags[index];
  const next = tags[index + 1];
  return { start: open ? open.span.end : span.start, end: next ? next.span.start : span.end };
}

/**
 * Names bound directly in a body's scope: `set`, `set` blocks, call-block targets and macros,
 * looking through tags that share the scope (`if`, `role`, `filter`, `set` blocks) and fork
 * branches (whose names are visible after the fork), but not into loops, macros or `call` bodies.
 */
function boundInScope(nodes: readonly ast.Node[]): string[] {
  const names: string[] = [];
  const collect = (body: readonly ast.Node[]): void => {
    for (const node of body) {
      switch (node.type) {
        case 'Set':
          for (const target of node.targets) names.push(target.name);
          break;
        case 'SetBlock':
          for (const target of node.targets) names.push(target.name);
          collect(node.body);
          break;
        case 'CallBlock':
          if (node.target) names.push(node.target.name);
          break;
        case 'Macro':
          names.push(node.name.name);
          break;
        case 'If':
          for (const branch of node.branches) collect(branch.body);
          if (node.otherwise) collect(node.otherwise);
          break;
        case 'Role':
        case 'FilterBlock':
        case 'Fork':
        case 'Branch':
        case 'UnsupportedTag':
          collect(node.body);
          break;
        case 'For':
          // The loop's own names stay inside it; its `else` shares this scope.
          if (node.otherwise) collect(node.otherwise);
          break;
        case 'Text':
        case 'Output':
        case 'Comment':
        case 'Include':
        case 'CallTag':
        case 'Raw':
          break;
        default:
          assertNever(node);
      }
    }
  };
  collect(nodes);
  return names;
}
