/**
 * The adaptive concurrency of a backend that answers 429: additive increase, multiplicative
 * decrease (as TCP does). A 429 halves the limit (at least 1); after `limit` successful calls in
 * a row (one round at that limit) it grows by one, up to the configured cap.
 */
export class AimdController {
  private current: number;
  private successes = 0;
  /** After a decrease, later 429s of calls sent before it are the same congestion: no new halving. */
  private decreasedSinceSuccess = false;

  constructor(readonly cap: number) {
    this.current = Math.max(1, cap);
  }

  /** Calls allowed in flight now. */
  get limit(): number {
    return this.current;
  }

  /** A 429: returns whether the limit changed. */
  rateLimited(): boolean {
    this.successes = 0;
    if (this.decreasedSinceSuccess) return false;
    this.decreasedSinceSuccess = true;
    const next = Math.max(1, Math.floor(this.current / 2));
    const changed = next !== this.current;
    this.current = next;
    return changed;
  }

  /** A successful call: returns whether the limit changed. */
  succeeded(): boolean {
    this.decreasedSinceSuccess = false;
    if (this.current >= this.cap) return false;
    this.successes++;
    if (this.successes < this.current) return false;
    this.successes = 0;
    this.current++;
    return true;
  }
}
