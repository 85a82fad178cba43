import type {
  Backend,
  BackendReply,
  CompletionRequest,
  GenerationArgs,
  TokenUsage,
} from '../backend.js';
import { BackendError } from '../backend-error.js';
import type { RateLimits } from '../rate-gate.js';
import { withRetries, type RetryOptions } from '../retry.js';
import { toBackendError } from './api-error.js';
import { toCallOptions } from './call-options.js';
import { exactCompletion, loadCompletionModel, modeCapabilities } from './completion-mode.js';
import { ignoredArgError } from './ignored-args.js';
import { instructionFor } from './instructions.js';
import type { LanguageModel } from './language-model.js';
import type { ModelSettings, ProviderDefinition } from './provider-definition.js';
import { createDirectSender, REDIRECTED } from './direct-sender.js';
import { providerIdentity } from './provider-identity.js';
import { replyText, streamedReplyText } from './reply-text.js';
import { reportedUsage } from './reported-usage.js';
import { streamedUsage, streamReply } from './stream-reply.js';

/** Everything a provider backend is made of; config/create-backend.ts fills it from the config. */
export interface ProviderBackendOptions {
  name: string;
  definition: ProviderDefinition;
  settings: ModelSettings;
  /** The variable the key was read from, named in 401 errors. */
  apiKeyEnv: string | null;
  concurrency: number;
  /** Requests and tokens per minute (config `rpm`, `tpm`). */
  rateLimits: RateLimits;
  defaults: GenerationArgs;
  retry: RetryOptions;
  /** Longest wait for the next piece of a streamed reply (config `stream_idle_ms`). */
  streamIdleMs: number;
  /**
   * False sends every call through the AI SDK, even where direct-sender.ts could send it
   * (the equivalence test compares the two paths); default true.
   */
  directRequests?: boolean;
}

/** A backend that calls a provider model over HTTP under the shared retry policy. */
export function createProviderBackend(options: ProviderBackendOptions): Backend {
  const { definition, settings } = options;
  const capabilities = modeCapabilities(definition, settings);
  const errorContext = { apiKeyEnv: options.apiKeyEnv };
  const directSender =
    options.directRequests === false
      ? null
      : createDirectSender(definition, settings, capabilities, errorContext);
  let model: Promise<LanguageModel> | null = null;

  async function complete(request: CompletionRequest): Promise<BackendReply> {
    for (const key of Object.keys(request.args) as (keyof GenerationArgs)[]) {
      if (request.args[key] !== undefined && !capabilities.supportedArgs.includes(key)) {
        throw new BackendError(
          `the ${definition.provider} provider does not support the argument \`${key}\``,
        );
      }
    }
    // The one choice of how a call is sent: directly (direct-sender.ts) when the backend has a
    // direct sender and the call is neither streamed nor one it does not cover; else through
    // the AI SDK. A direct call answered by a redirect is sent again through the SDK, whose
    // fetch follows redirects.
    const direct = request.onDelta ? null : (directSender?.prepare(request) ?? null);
    if (direct === null) return sdkCall(request);
    let redirected: ((signal: AbortSignal) => Promise<BackendReply>) | null = null;
    return withRetries(
      async (signal) => {
        const reply = await direct(signal);
        if (reply === REDIRECTED) {
          redirected ??= await sdkAttempt(request, () => {});
          return redirected(signal);
        }
        // The tpm budget is corrected to what the provider counted (rate-limiter.ts).
        if (reply.usage) request.rate?.record(reply.usage.inputTokens + reply.usage.outputTokens);
        return finished(reply.text, reply.finishReason, reply.usage);
      },
      request.signal,
      options.retry,
      request.rate,
    );
  }

  /** A call through the AI SDK's model: doGenerate, or doStream when the call is streamed. */
  async function sdkCall(request: CompletionRequest): Promise<BackendReply> {
    // Once text was shown, a failed stream is final: a retry would show a second reply after it.
    let shown = false;
    const attempt = await sdkAttempt(request, () => (shown = true));
    return withRetries(attempt, request.signal, options.retry, request.rate, () => !shown);
  }

  /** One attempt through the AI SDK, its errors turned into BackendErrors. */
  async function sdkAttempt(
    request: CompletionRequest,
    onShown: () => void,
  ): Promise<(signal: AbortSignal) => Promise<BackendReply>> {
    // Completion mode builds its model per request: the exact prompt goes in through its fetch.
    const loaded =
      settings.mode === 'completion'
        ? await loadCompletionModel(
            definition,
            settings,
            exactCompletion(request, instructionFor(request, capabilities)),
          )
        : await (model ??= definition.loadModel(settings));
    const callOptions = toCallOptions(request, capabilities, definition);
    // Mirrors call-options.ts: a choice constraint wins over a response schema.
    const constrained =
      capabilities.choiceConstraint && request.choices !== null && request.choices.length > 0;
    const onDelta = request.onDelta;
    return async (signal) => {
      try {
        if (onDelta) {
          const streamed = await streamReply(
            loaded,
            callOptions,
            signal,
            options.streamIdleMs,
            (delta) => {
              onShown();
              onDelta(delta);
            },
            (warnings) => {
              const ignored = ignoredArgError({ warnings }, request.args, settings.model);
              if (ignored) throw ignored;
            },
          );
          const usage = streamedUsage(streamed);
          if (usage) request.rate?.record(usage.inputTokens + usage.outputTokens);
          const text = streamedReplyText(streamed, constrained);
          return finished(text, streamed.finishReason.unified, usage);
        }
        const result = await loaded.doGenerate({ ...callOptions, abortSignal: signal });
        const usage = reportedUsage(result);
        // The tpm budget is corrected to what the provider counted (rate-limiter.ts).
        if (usage) request.rate?.record(usage.inputTokens + usage.outputTokens);
        const ignored = ignoredArgError(result, request.args, settings.model);
        if (ignored) throw ignored;
        const text = replyText(result, definition, constrained);
        return finished(text, result.finishReason.unified, usage);
      } catch (error) {
        throw toBackendError(error, errorContext);
      }
    };
  }

  return {
    name: options.name,
    identity: providerIdentity(definition, settings),
    capabilities,
    concurrency: options.concurrency,
    rateLimits: options.rateLimits,
    defaults: options.defaults,
    complete,
  };
}

/** The reply as the runtime wants it; only a cut-off reply's finish reason matters to it. */
function finished(text: string, unified: string, usage: TokenUsage | undefined): BackendReply {
  const finishReason = unified === 'length' ? 'length' : 'stop';
  if (usage) return { text, finishReason, usage };
  return finishReason === 'length' ? { text, finishReason } : text;
}
