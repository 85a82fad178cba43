/** The public TypeScript API of `ot-lang` (ARCHITECTURE.md §3). */
export * from './runtime/index.js';
export { template, loadTemplate, Template } from './template.js';
export type { TemplateOptions } from './template.js';
export { parse } from './syntax/index.js';
export { check } from './check.js';
export type { Diagnostic, DiagnosticCode, Severity } from './diagnostics/index.js';
export { printDiagnostics } from './diagnostics/index.js';
export { createSourceFile } from './source/index.js';
export type { ProgramIR, TemplateIR } from './ir/ir.js';
