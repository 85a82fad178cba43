import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import { OtError } from '../../diagnostics/ot-error.js';
import { formatKeyPath, type Problem } from '../../config/problems.js';
import { createSpan } from '../../source/span.js';
import { abortableSleep, type Sleep } from '../abortable-sleep.js';
import type {
  Backend,
  BackendCapabilities,
  BackendReply,
  CompletionRequest,
  GenerationArgs,
  TokenUsage,
} from '../backend.js';
import { inputTokens, tokenCounter, tokenCounterAvailable } from '../count-tokens.js';
import { BackendError } from '../backend-error.js';
import { excerpt } from '../excerpt.js';
import { lazyCounts } from '../lazy-counts.js';
import { checkFakeSpec } from './check-fake-spec.js';
import { fakeDigest } from './fake-digest.js';
import type { FakeBackendSpec, FakeReply, FakeUsage } from './fake-spec.js';
import { truncateAtStop } from './truncate-at-stop.js';
import { compileMatch, lastTurnText, matches, matchText, type Matcher } from './matcher.js';

/** Settings a fake backend takes from the config rather than from its file. */
export interface FakeBackendOptions {
  /** Most calls in flight at once (default 32). */
  concurrency?: number;
  /** Default keyword arguments (config `defaults`). */
  defaults?: GenerationArgs;
  /** Injectable latency timer, for tests. */
  sleep?: Sleep;
}

/** A fake backend accepts every argument and constrains nothing: the runtime does the rest. */
export const fakeCapabilities: BackendCapabilities = {
  textCompletion: true,
  chat: true,
  supportedArgs: ['temperature', 'max_tokens', 'stop', 'top_p', 'top_k', 'seed'],
  jsonSchema: false,
  choiceConstraint: false,
  images: true,
};

/** Where replies come from: one rule (or the default) and how far through its list we are. */
interface ReplySource {
  reply: FakeReply;
  /** Calls answered so far; a list reply gives its items in turn, then repeats the last. */
  taken: number;
  /** The rule's own token counts, reported instead of counting. */
  usage?: FakeUsage;
}

/**
 * Creates a fake backend from a spec (the file's shape). An invalid spec throws an OtError whose
 * diagnostics name `name` and the key. List replies are per backend instance: each call that
 * matches a rule takes its next item at the moment the call starts; after the last item the last
 * one repeats.
 */
export function createFakeBackend(
  spec: FakeBackendSpec,
  name: string,
  options: FakeBackendOptions = {},
): Backend {
  const problems: Problem[] = [];
  const checked = checkFakeSpec(spec, problems);
  if (problems.length > 0) {
    throw new OtError(
      problems.map((p) =>
        createDiagnostic('OT4005', name, createSpan(0, 0), {
          reason: `invalid fake backend (${formatKeyPath(p.path)}): ${p.message}`,
        }),
      ),
    );
  }
  const rules: { matcher: Matcher; last: boolean; source: ReplySource }[] = (
    checked.replies ?? []
  ).map((r) => ({
    matcher: compileMatch(r.match ?? r.match_last ?? ''),
    last: r.match === undefined,
    source: { reply: r.reply, taken: 0, ...(r.usage ? { usage: r.usage } : {}) },
  }));
  const fallback: ReplySource | null =
    checked.default === undefined ? null : { reply: checked.default, taken: 0 };
  const latencyMs = checked.latency_ms ?? 0;
  const sleep = options.sleep ?? abortableSleep;

  async function complete(request: CompletionRequest): Promise<BackendReply> {
    const { signal } = request;
    if (signal.aborted) throw new BackendError('request cancelled', { cause: signal.reason });
    const whole = matchText(request);
    const last = lastTurnText(request);
    const source =
      rules.find((rule) => matches(rule.matcher, rule.last ? last : whole))?.source ?? fallback;
    // Taken before the delay, so list items follow the order in which calls start.
    const reply = source === null ? null : take(source);
    const given = source?.usage;
    const wait = async (ms: number): Promise<void> => {
      if (ms <= 0) return;
      try {
        await sleep(ms, signal);
      } catch {
        throw new BackendError('request cancelled', { cause: signal.reason });
      }
    };
    // A streamed reply comes word by word: a quarter of the latency before the first word, the
    // rest spread between the words, so `ot run --stream` on a sample shows streaming offline.
    const onDelta = request.onDelta;
    await wait(onDelta ? latencyMs / 4 : latencyMs);
    if (reply === null) {
      const what = request.prompt !== null ? 'prompt' : 'messages';
      throw new BackendError(
        `no reply rule matches the ${what} ${excerpt(whole)}, and the fake backend has no default`,
      );
    }
    if (typeof reply !== 'string' && 'error' in reply) throw new BackendError(reply.error);
    const text = truncateAtStop(typeof reply === 'string' ? reply : reply.text, request.args.stop);
    const finishReason = typeof reply === 'string' ? 'stop' : reply.finish_reason;
    if (onDelta) {
      const words = text.match(/\s*\S+\s*|\s+/g) ?? [];
      for (const word of words) {
        await wait((latencyMs * 3) / 4 / words.length);
        onDelta(word);
      }
    }
    const usage = usageOf(request, text, given);
    return { text, finishReason, ...(usage ? { usage } : {}) };
  }

  return {
    name,
    identity: {
      provider: 'fake',
      model: checked.model ?? 'fake',
      baseUrl: null,
      variant: fakeDigest(checked),
    },
    capabilities: fakeCapabilities,
    ...(rules.some((rule) => rule.last) ? { readsLastTurn: true } : {}),
    concurrency: options.concurrency ?? 32,
    defaults: options.defaults ?? {},
    complete,
  };
}

/**
 * The rule's given counts, or the request's and reply's tokens counted as a provider would
 * (none when gpt-tokenizer is not there, as in a bundle run outside a project), counted when
 * first read: loading the tokenizer is most of a one-call run's start-up.
 */
function usageOf(
  request: CompletionRequest,
  reply: string,
  given: FakeUsage | undefined,
): TokenUsage | undefined {
  if (given) return { inputTokens: given.input, outputTokens: given.output };
  if (!tokenCounterAvailable()) return undefined;
  const { prompt, messages } = request;
  return lazyCounts(['inputTokens', 'outputTokens'], () => {
    // Found but not loadable (a broken install): count nothing rather than fail a read.
    const count = tokenCounter() ?? (() => 0);
    return { inputTokens: inputTokens(count, { prompt, messages }), outputTokens: count(reply) };
  });
}

function take(source: ReplySource): Exclude<FakeReply, string[]> {
  const { reply } = source;
  if (!Array.isArray(reply)) return reply;
  const item = reply[Math.min(source.taken, reply.length - 1)] ?? '';
  source.taken++;
  return item;
}
