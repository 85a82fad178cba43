import { abortableSleep } from '../../../src/backends/abortable-sleep.js';
import type { Backend, CompletionRequest } from '../../../src/backends/backend.js';
import { createBackend } from '../../../src/config/create-backend.js';
import { parseConfig } from '../../../src/config/load-config.js';
import type { TestServer } from './http-server.js';
import type { WireFormat } from './wire-formats.js';

/** Backoff waits a backend asked for. */
export interface SleepLog {
  waits: number[];
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Resolves when the first wait begins. */
  started: Promise<void>;
}

/**
 * A sleep that records each wait and returns at once (still failing if already aborted); with
 * `real`, it waits for real, so a test can cancel the wait.
 */
export function recordingSleep(options: { real?: boolean } = {}): SleepLog {
  const waits: number[] = [];
  let markStarted = (): void => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  return {
    waits,
    started,
    sleep: async (ms, signal) => {
      waits.push(ms);
      markStarted();
      if (options.real) return abortableSleep(ms, signal);
      if (signal.aborted) throw signal.reason;
    },
  };
}

/** Creates backend `b` for `wire` through a real config text pointing at `server`. */
export function backendFor(
  wire: WireFormat,
  server: TestServer,
  options: {
    maxRetries?: number;
    timeoutMs?: number;
    sleep?: SleepLog;
    extra?: string;
    env?: Record<string, string>;
  } = {},
): Backend {
  const lines = [
    'backends:',
    '  b:',
    `    provider: ${wire.provider}`,
    `    model: ${wire.model}`,
    `    base_url: ${server.url}${wire.basePath}`,
    `    api_key_env: ${wire.apiKeyEnv}`,
    ...(options.maxRetries === undefined ? [] : [`    max_retries: ${options.maxRetries}`]),
    ...(options.timeoutMs === undefined ? [] : [`    timeout_ms: ${options.timeoutMs}`]),
    ...(options.extra === undefined ? [] : [options.extra]),
  ];
  const config = parseConfig(lines.join('\n'), '/project/ot.config.yaml');
  return createBackend('b', config, options.env ?? { [wire.apiKeyEnv]: 'sk-test-key' }, {
    ...(options.sleep ? { sleep: options.sleep.sleep } : {}),
    random: () => 0.5,
  });
}

/** A plain text request. */
export function textRequest(
  prompt: string,
  signal: AbortSignal = new AbortController().signal,
  extra: Partial<CompletionRequest> = {},
): CompletionRequest {
  return {
    prompt,
    messages: null,
    args: {},
    responseSchema: null,
    choices: null,
    builtin: 'generate_text',
    signal,
    ...extra,
  };
}
