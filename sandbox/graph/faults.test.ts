import { describe, expect, it } from "vitest";
import { FaultInjector, sampleLatency } from "./faults";
import { defaultFaults } from "../state/store";
import type { SandboxPage } from "../state/types";

const page = (faults: Partial<SandboxPage["faults"]>) => ({ id: "1", faults: { ...defaultFaults(), ...faults } }) as SandboxPage;

describe("fault injection", () => {
  it("allows exactly the configured calls per second, then 613 until the next second", () => {
    const injector = new FaultInjector();
    const p = page({ rateLimitPerSecond: 3 });
    const results = [0, 1, 2, 3, 4].map(() => injector.check(p, 10_500)?.code ?? null);
    expect(results).toEqual([null, null, null, 613, 613]);
    expect(injector.check(p, 11_000)).toBeNull();
  });

  it("draws temporary errors at the configured rate from the configured codes", () => {
    let i = 0;
    const sequence = [0.1, 0.99, 0.9, 0.2];
    const injector = new FaultInjector(() => sequence[i++ % sequence.length]);
    const p = page({ temporaryErrorRate: 0.5, temporaryErrorCodes: [1, 2, -1, 1200] });
    const first = injector.check(p, 0); // 0.1 < 0.5 -> error, code index floor(0.99*4)=3 -> 1200
    expect(first?.code).toBe(1200);
    expect(first?.httpStatus).toBe(500);
    expect(injector.check(p, 0)).toBeNull(); // 0.9 >= 0.5
  });

  it("samples latency from fixed, uniform, normal and exponential distributions", () => {
    expect(sampleLatency({ kind: "none" })).toBe(0);
    expect(sampleLatency({ kind: "fixed", ms: 25 })).toBe(25);
    for (let n = 0; n < 200; n++) {
      const u = sampleLatency({ kind: "uniform", minMs: 10, maxMs: 20 });
      expect(u).toBeGreaterThanOrEqual(10);
      expect(u).toBeLessThanOrEqual(20);
      expect(sampleLatency({ kind: "normal", meanMs: 5, stdDevMs: 50 })).toBeGreaterThanOrEqual(0);
    }
    const mean = Array.from({ length: 5000 }, () => sampleLatency({ kind: "exponential", meanMs: 40 })).reduce((a, b) => a + b) / 5000;
    expect(mean).toBeGreaterThan(30);
    expect(mean).toBeLessThan(50);
  });
});
