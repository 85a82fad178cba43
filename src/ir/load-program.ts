import type { Diagnostic } from '../diagnostics/index.js';
import { createDiagnostic } from '../diagnostics/index.js';
import { createSourceFile, type SourceFile } from '../source/source-file.js';
import { createSpan } from '../source/span.js';
import type { TemplateNode } from '../syntax/ast.js';
import { parse } from '../syntax/index.js';
import type { ProgramIR, TemplateIR } from './ir.js';
import { allBoundNames } from './checks/bound-names.js';
import { checkFlowInputs } from './check-flow-inputs.js';
import { createProgram } from './create-stmt.js';
import { imagePathDiagnostics } from './image-paths.js';
import { lower } from './lower.js';
import { describeRoots, outsideRoots, type PathAccess } from './path-access.js';
import { referenceCycles } from './reference-cycles.js';
import { projectAccess } from '../config/project-access.js';
import { readFileOrUndefined } from './read-file.js';
import { sortAndCapDiagnostics } from './sort-diagnostics.js';
import { templateReferences, type TemplateReference } from './template-references.js';
import { forEachNode } from './walk-ir.js';

/** Options of `loadProgram`. */
export interface LoadProgramOptions {
  /** Reads a template by path (default: the file system); undefined means it cannot be read. */
  readFile?: (path: string) => string | undefined;
  /** The entry's text, when the caller already has it (an editor buffer). */
  source?: string;
  /** Where `include` and `flow()` may read (default: from the `ot.config.yaml` above the entry). */
  access?: PathAccess;
}

/** A loaded program with every diagnostic of every file, and the files' texts for printing. */
export interface LoadedProgram {
  program: ProgramIR;
  /** Grouped by file (entry first, then in discovery order), each file's in source order. */
  diagnostics: Diagnostic[];
  sources: Record<string, SourceFile>;
}

interface LoadedFile {
  source: SourceFile;
  ast: TemplateNode;
  parseDiagnostics: Diagnostic[];
  lowered: { template: TemplateIR; diagnostics: Diagnostic[] };
  references: TemplateReference[];
}

/**
 * Parses and lowers the entry template and, recursively, every template it reaches through a
 * literal `include` path or a literal `flow("…")` path (relative to the file that names it).
 * Each file is loaded once, so cycles end; a cycle is OT2020. A file that cannot be read is
 * OT2013 at the path that names it (not for `include … ignore missing`); a path that leaves the
 * project's roots is OT2018 and is never read; a computed path is OT2019 unless the config allows
 * them. Such references are left unresolved, so every `resolved` key in the program names a
 * loaded template. A literal `image()` path is checked the same way (OT2018, OT2027).
 */
export function loadProgram(entryPath: string, options: LoadProgramOptions = {}): LoadedProgram {
  const readFile = options.readFile ?? readFileOrUndefined;
  const access = options.access ?? projectAccess(entryPath);
  const entryText = options.source ?? readFile(entryPath);
  if (entryText === undefined) {
    return {
      program: createProgram(entryPath, {}),
      diagnostics: [
        createDiagnostic('OT2014', entryPath, createSpan(0, 0), {
          path: entryPath,
          reason: 'no such file, or it is not readable',
        }),
      ],
      sources: {},
    };
  }

  const files = new Map<string, LoadedFile>();
  const unreadable = new Set<string>();
  const outside = new Map<string, string | null>();
  const outsideOf = (target: string): string | null => {
    if (!outside.has(target)) outside.set(target, outsideRoots(target, access));
    return outside.get(target)!;
  };
  const referenceDiagnostics: Diagnostic[] = [];
  const load = (path: string, text: string): void => {
    const source = createSourceFile(path, text);
    const parsed = parse(text, { path });
    const lowered = lower(parsed.ast, { path, source: text });
    const references = templateReferences(lowered.template);
    referenceDiagnostics.push(
      ...imagePathDiagnostics(
        lowered.template,
        access,
        allBoundNames(parsed.ast.body).includes('image'),
      ),
    );
    files.set(path, {
      source,
      ast: parsed.ast,
      parseDiagnostics: parsed.diagnostics,
      lowered,
      references,
    });
    for (const reference of references) {
      const what = reference.kind === 'include' ? 'include' : 'flow()';
      const target = reference.target;
      if (target === null) {
        if (!access.allowDynamicPaths) {
          referenceDiagnostics.push(createDiagnostic('OT2019', path, reference.span, { what }));
        }
        continue;
      }
      const resolved = outsideOf(target);
      if (resolved !== null) {
        referenceDiagnostics.push(
          createDiagnostic('OT2018', path, reference.span, {
            what,
            path: target,
            resolved,
            roots: describeRoots(access),
          }),
        );
        continue;
      }
      if (files.has(target) || unreadable.has(target)) continue;
      const targetText = readFile(target);
      if (targetText !== undefined) {
        load(target, targetText);
        continue;
      }
      unreadable.add(target);
      if (!reference.ignoreMissing) {
        referenceDiagnostics.push(
          createDiagnostic('OT2013', path, reference.span, {
            path: target,
            reason: 'no such file, or it is not readable',
          }),
        );
      }
    }
  };
  load(entryPath, entryText);
  referenceDiagnostics.push(
    ...referenceCycles(
      entryPath,
      new Map([...files].map(([path, file]) => [path, file.references])),
    ),
  );

  relowerIncludedTemplates(entryPath, files);

  const templates: Record<string, TemplateIR> = {};
  for (const [path, file] of files) templates[path] = file.lowered.template;
  unresolveUnloaded(templates);
  const program = createProgram(entryPath, templates);
  program.access = access;

  const diagnostics: Diagnostic[] = [];
  const sources: Record<string, SourceFile> = {};
  const flowDiagnostics = checkFlowInputs(
    [...files.values()].map((file) => ({ ast: file.ast, template: file.lowered.template })),
    templates,
  );
  for (const [path, file] of files) {
    sources[path] = file.source;
    const fileDiagnostics = sortAndCapDiagnostics(
      [
        ...file.parseDiagnostics,
        ...file.lowered.diagnostics,
        ...referenceDiagnostics.filter((d) => d.file === path),
        ...flowDiagnostics.filter((d) => d.file === path),
      ],
      path,
    );
    // A loop, not push(...list): spreading a long list into arguments overflows the stack.
    for (const diagnostic of fileDiagnostics) diagnostics.push(diagnostic);
  }
  return { program, diagnostics, sources };
}

/**
 * An included template sees the variables of the template that includes it, so its
 * undefined-variable check must know them: each included file is lowered again with every name
 * its includers (transitively) bind. Lowering is pure, so the second result replaces the first.
 */
function relowerIncludedTemplates(entryPath: string, files: Map<string, LoadedFile>): void {
  const ambient = new Map<string, Set<string>>();
  const visible = (path: string): string[] => {
    const file = files.get(path)!;
    return [
      ...Object.keys(file.lowered.template.meta.inputs),
      ...allBoundNames(file.ast.body),
      ...(ambient.get(path) ?? []),
    ];
  };
  // Propagate along include edges until nothing changes (include graphs may have cycles).
  let changed = true;
  while (changed) {
    changed = false;
    for (const [path, file] of files) {
      for (const reference of file.references) {
        if (reference.kind !== 'include' || reference.target === null) continue;
        if (reference.target === entryPath || !files.has(reference.target)) continue;
        const names = ambient.get(reference.target) ?? new Set<string>();
        const before = names.size;
        for (const name of visible(path)) names.add(name);
        ambient.set(reference.target, names);
        if (names.size !== before) changed = true;
      }
    }
  }
  for (const [path, names] of ambient) {
    const file = files.get(path)!;
    file.lowered = lower(file.ast, {
      path,
      source: file.source.text,
      ambientNames: [...names],
    });
  }
}

/** Clears `resolved` on references to files that could not be loaded (see LoadedProgram). */
function unresolveUnloaded(templates: Record<string, TemplateIR>): void {
  for (const template of Object.values(templates)) {
    // These IR nodes were created by this load and are not shared yet, so updating them in place
    // is safe and keeps every other node identical.
    forEachNode(template.body, {
      stmt: (stmt) => {
        if (
          stmt.kind === 'include' &&
          stmt.resolved !== null &&
          !Object.hasOwn(templates, stmt.resolved)
        ) {
          stmt.resolved = null;
        }
      },
      expr: (expr) => {
        if (
          expr.kind === 'builtinCall' &&
          expr.resolved !== null &&
          !Object.hasOwn(templates, expr.resolved)
        ) {
          expr.resolved = null;
        }
      },
    });
  }
}
