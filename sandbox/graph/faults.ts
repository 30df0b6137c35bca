/**
 * Injectable faults per Page: a calls-per-second limit (error 613 beyond it), a rate of temporary errors
 * (1, 2, -1, 1200) and response latency drawn from a chosen distribution. All cheap enough to run on
 * every Graph call: the rate limiter is a per-second counter, not a sliding log.
 */
import { graphErrors, type GraphError } from "./graph-error";
import type { LatencyDistribution, SandboxPage } from "../state/types";

export class FaultInjector {
  private readonly windows = new Map<string, { second: number; calls: number }>();

  constructor(private readonly random: () => number = Math.random) {}

  /** Returns the error to answer with, or null when the call may proceed. Counts the call. */
  check(page: SandboxPage, nowMs: number): GraphError | null {
    const { rateLimitPerSecond, temporaryErrorRate, temporaryErrorCodes } = page.faults;
    if (rateLimitPerSecond > 0) {
      const second = Math.floor(nowMs / 1000);
      let window = this.windows.get(page.id);
      if (!window || window.second !== second) this.windows.set(page.id, (window = { second, calls: 0 }));
      if (++window.calls > rateLimitPerSecond) return graphErrors.rateLimited();
    }
    if (temporaryErrorRate > 0 && this.random() < temporaryErrorRate) {
      const codes = temporaryErrorCodes.length ? temporaryErrorCodes : [2];
      return graphErrors.temporary(codes[Math.floor(this.random() * codes.length)]);
    }
    return null;
  }

  latencyMs(page: SandboxPage): number {
    return sampleLatency(page.faults.latency, this.random);
  }

  reset(): void {
    this.windows.clear();
  }
}

export function sampleLatency(latency: LatencyDistribution, random: () => number = Math.random): number {
  switch (latency.kind) {
    case "none":
      return 0;
    case "fixed":
      return Math.max(0, latency.ms);
    case "uniform":
      return latency.minMs + random() * Math.max(0, latency.maxMs - latency.minMs);
    case "normal": {
      // Box-Muller; clamp at 0 because a negative delay means "no delay".
      const u = Math.max(random(), 1e-12);
      const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
      return Math.max(0, latency.meanMs + z * latency.stdDevMs);
    }
    case "exponential":
      return -Math.log(Math.max(random(), 1e-12)) * latency.meanMs;
  }
}
