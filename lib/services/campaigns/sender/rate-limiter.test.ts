import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RateLimiter } from "./rate-limiter";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance", "Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts `count` callers; records when each got its turn. */
function callers(limiter: RateLimiter, count: number) {
  const started: number[] = [];
  const answers: (() => void)[] = [];
  for (let i = 0; i < count; i++) {
    void limiter.acquire().then((answer) => {
      started.push(performance.now());
      answers.push(answer);
    });
  }
  return { started, answers };
}

describe("RateLimiter", () => {
  it("counts a call from its start until a second after its answer: calls held by a stall keep their place", async () => {
    const limiter = new RateLimiter(5);
    limiter.carryOver([]);
    const t0 = performance.now();
    const { started, answers } = callers(limiter, 10);
    await vi.advanceTimersByTimeAsync(900);
    expect(started).toHaveLength(5); // paced 200 ms apart, then the ceiling
    // A stall: nothing answers for 3 s, and nothing more starts.
    await vi.advanceTimersByTimeAsync(3000);
    expect(started).toHaveLength(5);
    for (const answer of answers.splice(0)) answer(); // all answered at once, at t0 + 3.9 s
    await vi.advanceTimersByTimeAsync(990);
    expect(started).toHaveLength(5); // the held calls may have reached Meta just now: the next wait a second
    await vi.advanceTimersByTimeAsync(20);
    expect(started.length).toBeGreaterThan(5);
    expect(started[5] - t0).toBeGreaterThanOrEqual(4900);
  });

  it("without the previous batch's calls, first waits out a full second", async () => {
    const limiter = new RateLimiter(300);
    limiter.carryOver(undefined);
    const { started } = callers(limiter, 1);
    await vi.advanceTimersByTimeAsync(990);
    expect(started).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(20);
    expect(started).toHaveLength(1);
  });

  it("carries the previous batch's last second across the boundary", async () => {
    const previous = new RateLimiter(3);
    previous.carryOver([]);
    const first = callers(previous, 3);
    await vi.advanceTimersByTimeAsync(700);
    for (const answer of first.answers) answer();
    const handOff = previous.recentCalls();
    expect(handOff.reduce((n, [, count]) => n + count, 0)).toBe(3);

    const next = new RateLimiter(3);
    next.carryOver(handOff);
    const second = callers(next, 1);
    await vi.advanceTimersByTimeAsync(900);
    expect(second.started).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(second.started).toHaveLength(1);
  });
});
