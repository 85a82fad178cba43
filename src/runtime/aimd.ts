/**
 * The adaptive concurrency of a backend that answers 429: additive increase, multiplicative
 * decrease (as TCP does). A 429 halves the limit (at least 1), at most once a round; after `limit`
 * successful calls in a row (one round at that limit) it grows by one, up to the configured cap.
 */
export class AimdController {
  private current: number;
  private successes = 0;
  /**
   * Successes since the last decrease. Until a round (`limit` of them) has passed, a 429 is the
   * same congestion as the last one, as TCP halves once per window: no new halving.
   */
  private sinceDecrease = Infinity;

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
    if (this.sinceDecrease < this.current) return false;
    this.sinceDecrease = 0;
    const next = Math.max(1, Math.floor(this.current / 2));
    const changed = next !== this.current;
    this.current = next;
    return changed;
  }

  /** A successful call: returns whether the limit changed. */
  succeeded(): boolean {
    this.sinceDecrease++;
    if (this.current >= this.cap) return false;
    this.successes++;
    if (this.successes < this.current) return false;
    this.successes = 0;
    this.current++;
    return true;
  }
}
