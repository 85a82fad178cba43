import type { TokenUsage } from '../backend.js';
import { BackendError } from '../backend-error.js';
import type { CallOptions, GenerateResult, LanguageModel, StreamPart } from './language-model.js';

/** Default longest wait for the next piece of a streamed reply (config `stream_idle_ms`). */
export const DEFAULT_STREAM_IDLE_MS = 60_000;

/** A streamed reply put together: what `doGenerate` would have given, as far as we use it. */
export interface StreamedReply {
  text: string;
  finishReason: GenerateResult['finishReason'];
  usage: GenerateResult['usage'] | null;
}

/**
 * One streamed attempt through `doStream`: each text delta goes to `onDelta` as it arrives. A
 * stream that sends nothing for `idleMs` is cut (a stalled server would otherwise hold the call
 * until `timeout_ms`); an error part or a broken connection fails the attempt.
 */
export async function streamReply(
  model: LanguageModel,
  options: Omit<CallOptions, 'abortSignal'>,
  signal: AbortSignal,
  idleMs: number,
  onDelta: (text: string) => void,
  onStart: (warnings: GenerateResult['warnings']) => void = () => {},
): Promise<StreamedReply> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const arm = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort(new Error(`the stream stalled: nothing for ${idleMs} ms`));
    }, idleMs);
  };
  const stalledError = (cause: unknown): BackendError =>
    new BackendError(`the stream stalled: nothing received for ${idleMs} ms (stream_idle_ms)`, {
      retryable: true,
      cause,
    });
  try {
    arm();
    const { stream } = await model.doStream({ ...options, abortSignal: controller.signal });
    const reader = stream.getReader();
    // The SDK's stream does not always end when its fetch is aborted: stop reading ourselves.
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
        once: true,
      });
    });
    aborted.catch(() => {});
    const reply: StreamedReply = {
      text: '',
      finishReason: { unified: 'other', raw: undefined },
      usage: null,
    };
    try {
      for (;;) {
        arm();
        let next: Awaited<ReturnType<typeof reader.read>>;
        try {
          next = await Promise.race([reader.read(), aborted]);
        } catch (error) {
          if (stalled || signal.aborted) throw error;
          // A connection lost half-way is worth another attempt (when nothing was shown yet).
          throw new BackendError(`the stream broke off: ${messageOf(error)}`, {
            retryable: true,
            cause: error,
          });
        }
        const { done, value } = next;
        if (done) break;
        applyPart(reply, value, onDelta, onStart);
      }
    } finally {
      reader.cancel().catch(() => {});
    }
    return reply;
  } catch (error) {
    if (stalled) throw stalledError(error);
    throw error;
  } finally {
    if (timer !== null) clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

function applyPart(
  reply: StreamedReply,
  part: StreamPart,
  onDelta: (text: string) => void,
  onStart: (warnings: GenerateResult['warnings']) => void,
): void {
  switch (part.type) {
    case 'stream-start':
      // Before any text: a dropped argument fails the call before anything is shown.
      onStart(part.warnings);
      return;
    case 'text-delta':
      if (part.delta === '') return;
      reply.text += part.delta;
      onDelta(part.delta);
      return;
    case 'finish':
      reply.finishReason = part.finishReason;
      reply.usage = part.usage;
      return;
    case 'error':
      throw part.error instanceof Error ? part.error : new BackendError(describe(part.error));
    default:
      // Metadata, reasoning and tool parts carry nothing a text reply needs.
      return;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return `the stream failed: ${String((error as { message: unknown }).message)}`;
  }
  return `the stream failed: ${JSON.stringify(error)}`;
}

/** The tokens a streamed reply reported, as `reportedUsage` does for a generate result. */
export function streamedUsage(reply: StreamedReply): TokenUsage | undefined {
  if (reply.usage === null) return undefined;
  const input = reply.usage.inputTokens.total;
  const output = reply.usage.outputTokens.total;
  if (input === undefined && output === undefined) return undefined;
  return { inputTokens: input ?? 0, outputTokens: output ?? 0 };
}
