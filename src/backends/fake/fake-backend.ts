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
} from '../backend.js';
import { BackendError } from '../backend-error.js';
import { excerpt } from '../excerpt.js';
import { checkFakeSpec } from './check-fake-spec.js';
import { fakeDigest } from './fake-digest.js';
import type { FakeBackendSpec, FakeReply } from './fake-spec.js';
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
};

/** Where replies come from: one rule (or the default) and how far through its list we are. */
interface ReplySource {
  reply: FakeReply;
  /** Calls answered so far; a list reply gives its items in turn, then repeats the last. */
  taken: number;
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
    source: { reply: r.reply, taken: 0 },
  }));
  const fallback: ReplySource | null =
    checked.default === undefined ? null : { reply: checked.default, taken: 0 };
  const latencyMs = checked.latency_ms ?? 0;
  const sleep = options.sleep ?? abortableSleep;

  async function complete(request: CompletionRequest): Promise<BackendReply> {
    const { signal } = request;
    if (signal.aborted) throw new BackendError('request cancelled', { cause: signal.reason });
    const text = matchText(request);
    const last = lastTurnText(request);
    const source =
      rules.find((rule) => matches(rule.matcher, rule.last ? last : text))?.source ?? fallback;
    // Taken before the delay, so list items follow the order in which calls start.
    const reply = source === null ? null : take(source);
    if (latencyMs > 0) {
      try {
        await sleep(latencyMs, signal);
      } catch {
        throw new BackendError('request cancelled', { cause: signal.reason });
      }
    }
    if (reply === null) {
      const what = request.prompt !== null ? 'prompt' : 'messages';
      throw new BackendError(
        `no reply rule matches the ${what} ${excerpt(text)}, and the fake backend has no default`,
      );
    }
    if (typeof reply === 'string') return truncateAtStop(reply, request.args.stop);
    if ('error' in reply) throw new BackendError(reply.error);
    const replyText = truncateAtStop(reply.text, request.args.stop);
    return reply.finish_reason === 'stop'
      ? replyText
      : { text: replyText, finishReason: reply.finish_reason };
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
    concurrency: options.concurrency ?? 32,
    defaults: options.defaults ?? {},
    complete,
  };
}

function take(source: ReplySource): Exclude<FakeReply, string[]> {
  const { reply } = source;
  if (!Array.isArray(reply)) return reply;
  const item = reply[Math.min(source.taken, reply.length - 1)] ?? '';
  source.taken++;
  return item;
}
