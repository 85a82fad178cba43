import { createHash } from 'node:crypto';
import { canonicalJson } from '../cache/canonical-json.js';
import type { RowJob } from './row-job.js';

/**
 * The BullMQ job id of a row: a digest of everything the run depends on (program, texts,
 * inputs, backend, cache) and the row's place. Rerunning the same command computes the same
 * ids, so the producer finds the jobs of its earlier attempt instead of enqueuing them again.
 */
// Hashed as it travels (through JSON), so an `undefined` member cannot make canonicalJson refuse.
export function rowJobId(job: RowJob, index: number): string {
  const digest = createHash('sha256')
    .update(canonicalJson(JSON.parse(JSON.stringify(job)) as unknown))
    .digest('hex')
    .slice(0, 32);
  // Not a bare number (BullMQ reserves those for its own ids) and no `:` (its key separator).
  return `ot-${digest}-${index}`;
}
