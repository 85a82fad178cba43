import { queueMessage } from '../queue/queue-error.js';
import type { QueueAddress } from '../queue/queue-url.js';
import { openRowQueue, type RowQueue } from '../queue/row-queue.js';
import type { CliIO } from './io.js';

/**
 * Connects the producer of `ot run --queue` or `ot eval --queue` to its queue; null, with
 * OT4026 printed, when the redis server does not answer (the command then exits 1).
 */
export async function openQueueOrReport(
  address: QueueAddress,
  io: CliIO,
): Promise<RowQueue | null> {
  try {
    return await openRowQueue(address);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`ot: error: ${queueMessage('OT4026', { queue: address.label, reason })}\n`);
    return null;
  }
}
