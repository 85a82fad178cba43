import type { TemplateIR } from '../../ir/ir.js';
import { createSourceFile, type SourceFile } from '../../source/source-file.js';
import type { Body } from './control.js';

/** One template of a compiled module: what the runtime needs of it, and its code. */
export interface CompiledTemplate {
  /**
   * The template as the runtime sees it — path, front matter, whether it has roles — with an
   * empty body: its statements are the generated `render` function.
   */
  template: TemplateIR;
  /** Renders the template's body into `state.out`. */
  render: Body;
  /** The file's text, so errors and traces name `file:line:col` and print code frames as the interpreter does. */
  source: SourceFile;
}

const renderers = new WeakMap<TemplateIR, CompiledTemplate>();

/** Declares one template of a compiled module (called by generated code when the module loads). */
export function defineTemplate(
  path: string,
  meta: TemplateIR['meta'],
  hasRoles: boolean,
  text: string,
  render: Body,
): CompiledTemplate {
  const template: TemplateIR = {
    kind: 'template',
    path,
    meta,
    body: [],
    hasRoles,
    span: { start: 0, end: text.length },
  };
  const compiled: CompiledTemplate = { template, render, source: createSourceFile(path, text) };
  renderers.set(template, compiled);
  return compiled;
}

/** The compiled template behind a template the runtime handed back (a computed include). */
export function compiledTemplateOf(template: TemplateIR): CompiledTemplate | undefined {
  return renderers.get(template);
}
