import { createClient } from '@keyv/redis';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { QueueAddress } from './queue-url.js';
import type { RowJob, RowOutcome } from './row-job.js';

/** How long the producer waits for the redis server before giving up (OT4026). */
const CONNECT_TIMEOUT_MS = 5_000;

/** Where a row was when the producer (re)submitted it. */
export type Submitted = 'new' | 'queued' | 'finished';

/** The producer's side of a queue: submit rows, await their outcomes, clean up after reading. */
export interface RowQueue {
  /**
   * Adds a row under its deterministic id unless a job of that id exists: a finished one (from a
   * producer that died before reading it) is kept and its outcome read; a failed one is retried.
   */
  submit(id: string, job: RowJob): Promise<Submitted>;
  /** The row's outcome once a worker has finished it; rejects if BullMQ failed the job. */
  outcome(id: string): Promise<RowOutcome>;
  /** Removes jobs whose outcome was read (completed jobs are kept until then). */
  remove(ids: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** Connects to the queue; rejects with the reason when the server does not answer in time. */
export async function openRowQueue(address: QueueAddress): Promise<RowQueue> {
  await probe(address.redisUrl);
  const connection = { ...address.connection, maxRetriesPerRequest: null };
  const queue = new Queue<RowJob, RowOutcome>(address.name, { connection });
  const events = new QueueEvents(address.name, { connection });
  // Every row waits with listeners on both (BullMQ's waitUntilFinished): no leak, many rows.
  queue.setMaxListeners(0);
  events.setMaxListeners(0);
  // Both would retry forever against a dead server; the producer wants one clear error, at
  // the first refusal or after CONNECT_TIMEOUT_MS.
  let refuse: (error: Error) => void = () => undefined;
  const refused = new Promise<never>((_, reject) => (refuse = reject));
  const onError = (error: Error) => refuse(error);
  queue.on('error', onError);
  events.on('error', onError);
  const close = async () => {
    await Promise.allSettled([queue.close(), events.close()]);
  };
  const ready = Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
  // Whichever loses the race below must not become an unhandled rejection.
  ready.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ready,
      refused,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer in ${CONNECT_TIMEOUT_MS / 1000} s`)),
          CONNECT_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (error) {
    await close();
    throw error;
  } finally {
    clearTimeout(timer);
    refused.catch(() => undefined);
  }
  const jobs = new Map<string, Job<RowJob, RowOutcome>>();
  return {
    async submit(id, data) {
      const existing = (await queue.getJob(id)) as Job<RowJob, RowOutcome> | undefined;
      if (existing) {
        jobs.set(id, existing);
        const state = await existing.getState();
        if (state === 'completed') return 'finished';
        if (state === 'failed') await existing.retry('failed');
        return 'queued';
      }
      const added = await queue.add('row', data, {
        jobId: id,
        // Kept until the producer has read them: a producer that dies and is rerun finds them.
        removeOnComplete: false,
        removeOnFail: false,
      });
      jobs.set(id, added);
      return 'new';
    },
    outcome(id) {
      const job = jobs.get(id);
      if (!job) return Promise.reject(new Error(`row job ${id} was never submitted`));
      return job.waitUntilFinished(events);
    },
    async remove(ids) {
      await Promise.allSettled(ids.map(async (id) => queue.remove(id)));
    },
    close,
  };
}

/**
 * One PING without retries: BullMQ's connections retry a refused server forever (and report
 * failures of their first attempt after they are closed), so the producer checks first.
 */
async function probe(url: string): Promise<void> {
  const client = createClient({
    url,
    socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: false },
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } finally {
    if (client.isOpen) client.destroy();
  }
}
