/**
 * The sandbox's notion of "now". Policy rules (24 h window, HUMAN_AGENT 7 days, OTN token expiry after a
 * year) depend on time, so tests move this clock forward instead of waiting. Only the sandbox's policy
 * and timestamps use it; network timers (retries, latency) use real time.
 */
export class SandboxClock {
  private offsetMs = 0;
  constructor(private readonly base: () => number = Date.now) {}

  now(): number {
    return this.base() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }

  get offset(): number {
    return this.offsetMs;
  }
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const YEAR_MS = 365 * DAY_MS;
