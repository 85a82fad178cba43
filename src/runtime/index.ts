/**
 * `ot-lang/runtime`: everything needed to run flows, without the parser (no chevrotain, no
 * nunjucks parser). Compiled modules import only this.
 */
export { Executable } from './api/executable.js';
export type { Awaitable } from './api/executable.js';
export { run } from './api/run.js';
export type { RunOptions } from './api/run.js';
export { parallel, parIter, parIterStream, makeExecutable, repeat } from './api/combinators.js';
export type { ParIterFunction, ParIterOptions } from './api/combinators.js';
export { stream } from './api/stream.js';
export type { StreamEvent } from './api/stream.js';
export type { CallStreamEvent, CallStreamSink } from './call-stream.js';
export { compareOrder, type OrderKey } from './source-order.js';
export { llm } from './api/llm.js';
export type {
  ChatMessage,
  GenerateOptions,
  GenerateObjectOptions,
  GenerateTextOptions,
  InstructOptions,
} from './api/llm.js';
export { image } from './api/image.js';
export type { ImageInput, ImageOptions, ImageSource } from './api/image.js';
export type { ObjectSchema, ObjectOf } from './api/object-schema.js';
export { optionNames } from '../backends/option-names.js';
export { compose } from './api/compose.js';
export { withRegistry, backend } from './api/registry-api.js';
export { withRegistryContext, copyRegistry, currentRegistry } from './registry/current.js';
export { createRegistry } from './registry/registry.js';
export type { Registry, BuiltinImplementations } from './registry/types.js';
export { Session } from './session.js';
export type { TraceEvent, TraceSink } from './trace.js';
export { sumUsage, emptyUsageTotals, addToUsageTotals } from './usage/usage-totals.js';
export type { UsageTotals } from './usage/usage-totals.js';
export { callCostUsd } from './usage/call-cost.js';
export { runProgram } from './run-program.js';
export type { RunResult, ProgramHooks } from './run-program.js';
export { createBackendResolver } from './backend-resolver.js';
export type {
  Backend,
  BackendCapabilities,
  BackendReply,
  CompletionRequest,
  GenerationArgs,
  ImageData,
  Message,
  ReplyWithFinish,
  TokenPrice,
  TokenUsage,
  TruncationPolicy,
} from '../backends/backend.js';
export { BackendError } from '../backends/backend-error.js';
export { createFakeBackend } from '../backends/fake/fake-backend.js';
export { loadFakeSpec } from '../backends/fake/load-fake-spec.js';
export { cacheSettingSpec, findConfig, loadConfig, createBackend } from '../config/index.js';
export type { OtConfig } from '../config/index.js';
export { openCache, cacheFromKeyv } from '../cache/index.js';
export type { CallCache } from '../cache/index.js';
export { OtError, isOtError } from '../diagnostics/ot-error.js';
export { CallError } from './call-error.js';
export type { CallLocation } from './call-error.js';
export { InvalidReplyError, TruncatedReplyError, UnsupportedArgumentError } from './errors.js';
/** The machinery generated modules run on (`ot compile`): see src/codegen/runtime. */
export * as compiledRuntime from '../codegen/runtime/index.js';
export type { FlowRunOptions } from '../cli/run/run-once.js';
export type { CompiledProgram } from '../codegen/runtime/compiled-program.js';
