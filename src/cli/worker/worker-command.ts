import { findConfig } from '../../config/find-config.js';
import { loadConfig } from '../../config/load-config.js';
import type { OtConfig } from '../../config/config-types.js';
import { queueMessage } from '../../queue/queue-error.js';
import { parseQueueUrl } from '../../queue/queue-url.js';
import { startWorker } from '../../queue/start-worker.js';
import { reportUsageError, type CommandContext } from '../command-context.js';
import { reportError } from '../report-error.js';
import { keepHeapTight } from '../tight-heap.js';

/** `ot worker`'s settings after the flags are checked. */
export interface WorkerSettings {
  queue: string;
  concurrency: number;
  lockMs: number;
  config: string | undefined;
  cache: string | undefined;
}

/**
 * Runs a worker until SIGINT or SIGTERM: then it takes no new job, finishes the ones it holds
 * (BullMQ's `worker.close()`) and exits 0. A second signal exits at once (130); the jobs it held
 * go back to the queue when their lock expires, as if it had been killed.
 */
export async function workerCommand(
  settings: WorkerSettings,
  context: CommandContext,
): Promise<number> {
  const { io } = context;
  const address = parseQueueUrl(settings.queue);
  if ('error' in address) {
    reportUsageError(context, address.error);
    return 2;
  }
  if (settings.cache !== undefined && !/^(rediss?:\/\/|off$)/i.test(settings.cache)) {
    reportUsageError(context, `--cache of a worker is redis://… or off, got ${settings.cache}`);
    return 2;
  }
  let config: OtConfig | null;
  try {
    const path = settings.config ?? findConfig(process.cwd());
    config = path ? loadConfig(path) : null;
  } catch (error) {
    reportError(io, error, {}, false);
    io.stderr(`ot: error: ${queueMessage('OT4028', { reason: 'its config cannot be read' })}\n`);
    return 1;
  }

  const stop = new Promise<string>((resolve) => {
    const onSignal = (signal: string) => {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
      const again = () => process.exit(130);
      process.once('SIGINT', again);
      process.once('SIGTERM', again);
      resolve(signal);
    };
    const onSigint = () => onSignal('SIGINT');
    const onSigterm = () => onSignal('SIGTERM');
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigterm);
  });
  keepHeapTight();
  const worker = startWorker({
    address,
    config,
    concurrency: settings.concurrency,
    lockMs: settings.lockMs,
    cache: settings.cache,
    warn: (message) => io.stderr(`ot: warning: ${message}\n`),
    onReady: () =>
      io.stderr(
        `ot: worker ready on ${address.label} (concurrency ${settings.concurrency}, pid ${process.pid})\n`,
      ),
  });
  const signal = await stop;
  io.stderr(`ot: ${signal}: finishing the rows in progress, then stopping\n`);
  await worker.close();
  io.stderr('ot: worker stopped\n');
  return 0;
}
