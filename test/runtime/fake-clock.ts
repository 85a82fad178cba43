import type { Clock } from '../../src/runtime/clock.js';

/** A clock that moves only when told; timers fire in time order as it advances. */
export class FakeClock implements Clock {
  private time = 1000;
  private timers: { at: number; fn: () => void }[] = [];
  /** How many timers were ever armed, to show that waiting does not poll. */
  scheduled = 0;

  now(): number {
    return this.time;
  }

  schedule(fn: () => void, ms: number): () => void {
    const timer = { at: this.time + ms, fn };
    this.timers.push(timer);
    this.scheduled++;
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Timers still armed. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing due timers in order and letting promises settle. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = next.at;
      next.fn();
      await flush();
    }
    this.time = end;
    await flush();
  }
}

/** Lets resolved promises run their continuations. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}
