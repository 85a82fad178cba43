import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ProgramIR } from '../../ir/ir.js';
import { compactJson } from '../../plan/compact-json.js';
import type { Plan } from '../../plan/plan-types.js';
import type { SourceFile } from '../../source/source-file.js';
import { PendingFacts } from '../pending-facts.js';
import { emitFunctionBody } from './function-body.js';
import { jsLiteral, jsString } from './js-literal.js';
import { ModuleContext } from './module-context.js';
import { describePlan } from './plan-comment.js';

/** The helpers of `compiledRuntime` that generated code may use (only those used are imported). */
const HELPERS = [
  'defineProgram',
  'defineTemplate',
  'isMainModule',
  'callSite',
  'deferral',
  'locateError',
  'lookup',
  'member',
  'index',
  'call',
  'filter',
  'test',
  'dict',
  'sliceValue',
  'isTruthy',
  'binaryOp',
  'unaryOp',
  'compareChain',
  'renderOutput',
  'outputPiece',
  'whenKnown',
  'whenAllKnown',
  'walkWhenKnown',
  'walkWhenAllKnown',
  'assignVariable',
  'startCall',
  'startCallWhenKnown',
  'writeTerm',
  'writeText',
  'joinTerms',
  'bindOutput',
  'ifChain',
  'forLoop',
  'forkBranches',
  'forkLoop',
  'include',
  'includeComputed',
  'capture',
  'filterBlock',
  'defineMacro',
  'callTag',
];

/** Options of `emitModule`. */
export interface EmitModuleOptions {
  sources: Readonly<Record<string, SourceFile>>;
  plan: Plan;
  /** The module generated code imports the runtime from. */
  runtimeImport: string;
  /** See `GenerateOptions.sourceRoot`. */
  sourceRoot?: string;
}

/** The whole ES module: header, imports, the plan, one function per template, tables, the program and its entry points. */
export function emitModule(
  program: ProgramIR,
  options: EmitModuleOptions,
): { code: string; diagnostics: Diagnostic[] } {
  const module = new ModuleContext(
    program,
    options.plan,
    new PendingFacts(program),
    options.sources,
  );
  const functions: string[] = [];
  for (const template of module.templates()) {
    const names = module.names(template.path);
    const body = emitFunctionBody(module, template, template.body);
    functions.push(
      [
        `// ── ${template.path} ${'─'.repeat(Math.max(3, 90 - template.path.length))}`,
        `/** Renders ${template.path}: its statements in order, each call started as soon as what it reads is known. */`,
        `function ${names.render}(s) {`,
        body.replace(/\n$/, '').replace(/^(?=.)/gm, '  '),
        '}',
      ].join('\n'),
    );
  }

  const templates = module.templates().map((template) => {
    const names = module.names(template.path);
    const text = options.sources[template.path]?.text ?? '';
    return `const ${names.constant} = defineTemplate(${jsString(template.path)}, ${jsLiteral(template.meta)}, ${template.hasRoles}, ${jsString(text)}, ${names.render});`;
  });

  const body = [
    ...functions,
    '',
    '// Spans of the statements and expressions that can fail: errors and traces name their `file:line:col`.',
    'const SPAN = [',
    ...module.spanEntries().map((entry) => `  ${entry}`),
    '];',
    '',
    '// Call sites (what a trace and an error name) and the names a statement that may wait for a call may assign.',
    ...module.constants,
    '',
    '// The templates: front matter, whether they have role blocks, and their text (for code frames).',
    ...templates,
    '',
    '/** The flow as a program: `program.run(inputs, options)`, `program.main(argv)`. */',
    `export const program = defineProgram(${jsString(program.entry)}, [${module
      .templates()
      .map((t) => module.names(t.path).constant)
      .join(', ')}]${sourceRootArgument(options.sourceRoot)});`,
    '',
    '/**',
    ' * Runs the flow once and resolves to `{ text, outputs, result }`. Options are named like the',
    ' * flags of `ot run`: `backend`, `cache`, `trace`, `config`, `concurrency`, `dryRun`, plus',
    ' * `registry`, `signal` and `onWarning`.',
    ' */',
    'export function run(inputs = {}, options = {}) {',
    '  return program.run(inputs, options);',
    '}',
    '',
    '// `node this-file.mjs [flags]` behaves as `ot run` on the flow.',
    'if (isMainModule(import.meta.url)) process.exitCode = await program.main(process.argv.slice(2));',
  ].join('\n');

  const used = HELPERS.filter((name) => new RegExp(`\\b${name}\\b`).test(body));
  const header = [
    `// ${program.entry}, compiled by \`ot compile\`. Edit the .ot files and compile again rather than this file.`,
    '//',
    ...describePlan(options.plan, module).map((line) => (line === '' ? '//' : `// ${line}`)),
    ...importRuntime(options.runtimeImport),
    '',
    `const { ${used.join(', ')} } = compiledRuntime;`,
    '',
    '/** The parallel plan of this flow, as data (what `ot plan --format json` shows, with offsets for spans). */',
    `export const plan = ${compactJson(options.plan)};`,
    '',
  ].join('\n');
  return { code: `${header}\n${body}\n`, diagnostics: [] };
}

// Relative paths of the program start from here: a URL relative to the module itself, so the
// module and the flow may move together.
function sourceRootArgument(sourceRoot: string | undefined): string {
  if (sourceRoot === undefined) return '';
  const url = sourceRoot === '' ? './' : `${sourceRoot.replace(/\\/g, '/').replace(/\/?$/, '/')}`;
  return `, new URL(${jsString(url)}, import.meta.url)`;
}

/**
 * The runtime import. `ot-lang/runtime` is imported dynamically so that a module run where
 * `ot-lang` is not installed says what to do instead of Node's bare ERR_MODULE_NOT_FOUND (a
 * `--bundle`d module has the runtime inlined and never gets there).
 */
function importRuntime(runtimeImport: string): string[] {
  if (runtimeImport !== 'ot-lang/runtime') {
    return [`import { compiledRuntime } from ${jsString(runtimeImport)};`];
  }
  return [
    "const { compiledRuntime } = await import('ot-lang/runtime').catch(async (error) => {",
    "  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(\"'ot-lang'\")) throw error;",
    `  const message = ${jsString(MISSING_RUNTIME)};`,
    "  const { pathToFileURL } = await import('node:url');",
    '  if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {',
    '    process.stderr.write(`ot: ${message}\\n`);',
    '    process.exit(1);',
    '  }',
    '  throw new Error(message);',
    '});',
  ];
}

/** What a module compiled without `--bundle` says when `ot-lang` is not installed where it runs. */
export const MISSING_RUNTIME =
  'this module was compiled by `ot compile` without --bundle, so it needs the ot-lang package: ' +
  'install it where the module runs (npm install ot-lang), or compile with `ot compile --bundle` ' +
  'for a module that needs nothing but Node';
