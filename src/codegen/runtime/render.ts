import type { RunServices } from '../../runtime/interpreter/exec-state.js';
import {
  renderSyncWith,
  renderWith,
  type RenderResult,
} from '../../runtime/interpreter/interpret.js';
import type { CompiledTemplate } from './compiled-template.js';

/**
 * Renders a compiled template exactly as `interpret` renders an IR template (the same fresh
 * top-level scope, buffers and output resolution), with the generated code as the body.
 */
export function renderCompiled(
  compiled: CompiledTemplate,
  inputs: Record<string, unknown>,
  run: RunServices,
  sample = '',
): Promise<RenderResult> {
  return renderWith(compiled.template, inputs, run, sample, compiled.render);
}

/** Synchronous rendering for templates that make no calls (benchmarks, call-free templates). */
export function renderCompiledSync(
  compiled: CompiledTemplate,
  inputs: Record<string, unknown>,
  run: RunServices,
): string {
  return renderSyncWith(compiled.template, inputs, run, compiled.render);
}
