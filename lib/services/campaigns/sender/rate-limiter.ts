/**
 * Keeps a campaign's Send API calls under its rate in EVERY one-second window, as Meta counts them
 * (calls per second per Page; a burst above the limit earns error 613 and puts the Page at risk).
 *
 * Meta counts a call when it arrives, which is some time between our starting it and its answer; after a
 * stall (a slow network, a paused event loop, Meta answering late) calls started well apart can arrive
 * together. So a call occupies the window from its start until one second after its answer: a call may
 * start only while (calls in flight) + (calls answered less than a second ago) is below the rate. Then any
 * one-second window at Meta holds at most `rate` calls, whatever the delays: the last call of a window to
 * start saw every other call of that window either in flight or answered within the second before.
 * (An average-keeping token bucket let a stall be followed by a full bucket on top of the held calls.)
 *
 * Within that ceiling, starts are also spaced 1/rate apart (with `burstMs` of catch-up for timer jitter),
 * so a send is smooth rather than a burst at the top of every second. Rate-limit answers from Meta halve
 * the rate; successes bring it back gradually. A rate of 0 means unlimited (benchmarks only; the API caps
 * campaigns at 300/s).
 *
 * One limiter serves one batch; the batch hands its last second of answers to the next batch
 * (`recentCalls`, through the workflow step's result), and a batch that has no such hand-off (the first of
 * a run, a retried step) assumes the last second was full: the Page's previous sender may have just stopped.
 */
const WINDOW_MS = 1000;
/** Hand-off granularity: answers are rounded up to the end of their 50 ms bucket (later is the safe side). */
const HANDOFF_BUCKET_MS = 50;

/** Answers of the last second, as [bucket end (epoch ms), calls answered in that bucket], oldest first. */
export type RecentCalls = [number, number][];

export class RateLimiter {
  private next = 0;
  private current: number;
  private inFlight = 0;
  /** performance.now() of answers within the last second, oldest first. */
  private answered: number[] = [];
  private blockedUntil = 0;
  /** Callers waiting for a turn, first come first served; one timer (or an answer) moves the queue. */
  private queue: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly target: number,
    private readonly burstMs = 50,
  ) {
    this.current = target;
  }

  get ratePerSecond(): number {
    return this.current;
  }

  /** Waits for a turn; the returned function must be called once the call is answered (or failed). */
  acquire(): Promise<() => void> {
    if (this.target <= 0) return Promise.resolve(() => {});
    return new Promise((resolve) => {
      this.queue.push(() => resolve(this.answer()));
      this.pump();
    });
  }

  private answer(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inFlight--;
      this.answered.push(performance.now());
      this.pump();
    };
  }

  private pump(): void {
    if (this.timer) return; // the pending timer pumps
    while (this.queue.length > 0) {
      const now = performance.now();
      this.prune(now);
      const wait = this.waitMs(now);
      if (wait === Infinity) return; // every turn of the second is in flight: the next answer pumps
      if (wait > 0) {
        this.timer = setTimeout(
          () => {
            this.timer = null;
            this.pump();
          },
          Math.max(1, Math.ceil(wait)),
        );
        return;
      }
      this.next = Math.max(this.next, now - this.burstMs) + 1000 / this.current;
      this.inFlight++;
      this.queue.shift()!();
    }
  }

  /** How long until the next call may start: the Meta-imposed pause, the one-second ceiling, then the pace. */
  private waitMs(now: number): number {
    if (now < this.blockedUntil) return this.blockedUntil - now;
    if (this.inFlight + this.answered.length >= this.limit()) return this.answered.length > 0 ? this.answered[0] + WINDOW_MS - now : Infinity;
    return Math.max(0, this.next - now);
  }

  /** Meta said "too many calls": halve the pace (never below 1/s) and send nothing for a second. */
  slowDown(): void {
    if (this.target <= 0) return;
    this.current = Math.max(1, this.current / 2);
    this.blockedUntil = Math.max(this.blockedUntil, performance.now() + WINDOW_MS);
  }

  /** A success: recover 2% of the way back to the configured pace. */
  recover(): void {
    if (this.target <= 0 || this.current >= this.target) return;
    this.current = Math.min(this.target, this.current + Math.max(0.5, this.target * 0.02));
  }

  /** The last second's answers (and calls still in flight, as answered now), for the next batch. */
  recentCalls(): RecentCalls {
    if (this.target <= 0) return [];
    const perfNow = performance.now();
    this.prune(perfNow);
    const toEpoch = Date.now() - perfNow;
    const buckets = new Map<number, number>();
    const add = (epoch: number) => {
      const end = Math.ceil(epoch / HANDOFF_BUCKET_MS) * HANDOFF_BUCKET_MS;
      buckets.set(end, (buckets.get(end) ?? 0) + 1);
    };
    for (const at of this.answered) add(at + toEpoch);
    for (let i = 0; i < this.inFlight; i++) add(perfNow + toEpoch);
    return [...buckets.entries()].sort((a, b) => a[0] - b[0]);
  }

  /**
   * Starts from the previous batch's last second, or, without one, from a full second (the previous
   * sender's calls are unknown, so the first call waits until they can no longer share a window with it).
   */
  carryOver(previous: RecentCalls | undefined): void {
    if (this.target <= 0) return;
    const perfNow = performance.now();
    if (!previous) {
      this.answered = Array.from({ length: this.limit() }, () => perfNow);
      return;
    }
    const toPerf = perfNow - Date.now();
    const carried: number[] = [];
    for (const [end, count] of previous) for (let i = 0; i < count; i++) carried.push(Math.min(perfNow, end + toPerf));
    this.answered = [...carried, ...this.answered].sort((a, b) => a - b);
    this.prune(perfNow);
  }

  private limit(): number {
    return Math.max(1, Math.floor(this.current));
  }

  private prune(now: number): void {
    let drop = 0;
    while (drop < this.answered.length && this.answered[drop] <= now - WINDOW_MS) drop++;
    if (drop > 0) this.answered.splice(0, drop);
  }
}
