/**
 * Paces sends to a rate per second: each caller gets the next free time slot (1/rate apart) and waits for
 * it. A little catch-up (at most `burstMs` worth of slots) absorbs timer jitter without breaking the
 * average. Rate-limit answers from Meta halve the pace; successes bring it back gradually.
 * A rate of 0 means unlimited (benchmarks only; the API caps campaigns at 300/s).
 */
export class RateLimiter {
  private next = 0;
  private current: number;

  constructor(
    private readonly target: number,
    private readonly burstMs = 50,
  ) {
    this.current = target;
  }

  get ratePerSecond(): number {
    return this.current;
  }

  async acquire(): Promise<void> {
    if (this.target <= 0) return;
    const now = performance.now();
    const slot = Math.max(this.next, now - this.burstMs);
    this.next = slot + 1000 / this.current;
    const wait = slot - now;
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** Meta said "too many calls": halve the pace (never below 1/s) and push the next slot out by a second. */
  slowDown(): void {
    if (this.target <= 0) return;
    this.current = Math.max(1, this.current / 2);
    this.next = Math.max(this.next, performance.now() + 1000);
  }

  /** A success: recover 2% of the way back to the configured pace. */
  recover(): void {
    if (this.target <= 0 || this.current >= this.target) return;
    this.current = Math.min(this.target, this.current + Math.max(0.5, this.target * 0.02));
  }
}
