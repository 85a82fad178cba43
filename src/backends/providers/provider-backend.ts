import type { Backend, BackendReply, CompletionRequest, GenerationArgs } from '../backend.js';
import { BackendError } from '../backend-error.js';
import type { RateLimits } from '../rate-gate.js';
import { withRetries, type RetryOptions } from '../retry.js';
import { toBackendError } from './api-error.js';
import { toCallOptions } from './call-options.js';
import { ignoredArgError } from './ignored-args.js';
import type { LanguageModel } from './language-model.js';
import type { ModelSettings, ProviderDefinition } from './provider-definition.js';
import { providerIdentity } from './provider-identity.js';
import { replyText } from './reply-text.js';
import { reportedUsage } from './reported-usage.js';

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
}

/** A backend that calls a provider model over HTTP under the shared retry policy. */
export function createProviderBackend(options: ProviderBackendOptions): Backend {
  const { definition, settings } = options;
  // Every AI SDK provider takes image file parts (whether the model can see is the model's).
  const capabilities = { images: true, ...definition.capabilities(settings) };
  let model: Promise<LanguageModel> | null = null;

  async function complete(request: CompletionRequest): Promise<BackendReply> {
    for (const key of Object.keys(request.args) as (keyof GenerationArgs)[]) {
      if (request.args[key] !== undefined && !capabilities.supportedArgs.includes(key)) {
        throw new BackendError(
          `the ${definition.provider} provider does not support the argument \`${key}\``,
        );
      }
    }
    model ??= definition.loadModel(settings);
    const loaded = await model;
    const callOptions = toCallOptions(request, capabilities, definition);
    // Mirrors call-options.ts: a choice constraint wins over a response schema.
    const constrained =
      capabilities.choiceConstraint && request.choices !== null && request.choices.length > 0;
    return withRetries(
      async (signal) => {
        try {
          const result = await loaded.doGenerate({ ...callOptions, abortSignal: signal });
          const usage = reportedUsage(result);
          // The tpm budget is corrected to what the provider counted (rate-limiter.ts).
          if (usage) request.rate?.record(usage.inputTokens + usage.outputTokens);
          const ignored = ignoredArgError(result, request.args, settings.model);
          if (ignored) throw ignored;
          const text = replyText(result, definition, constrained);
          // Only a cut-off reply's finish reason matters: the runtime warns about it, or fails it.
          const finishReason = result.finishReason.unified === 'length' ? 'length' : 'stop';
          if (usage) return { text, finishReason, usage };
          return finishReason === 'length' ? { text, finishReason } : text;
        } catch (error) {
          throw toBackendError(error, { apiKeyEnv: options.apiKeyEnv });
        }
      },
      request.signal,
      options.retry,
      request.rate,
    );
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
