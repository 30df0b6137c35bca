import { describe, expect, it } from "vitest";
import { LruCache } from "./lru";

describe("LruCache", () => {
  it("never holds more than its capacity, forgetting the least recently used entry first", () => {
    const cache = new LruCache<string, number>(3);
    for (let i = 0; i < 1_000; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBe(3);
    expect(cache.get("k999")).toBe(999);
    expect(cache.get("k0")).toBeUndefined();

    const recent = new LruCache<string, number>(2);
    recent.set("a", 1);
    recent.set("b", 2);
    recent.get("a");
    recent.set("c", 3);
    expect(recent.get("a")).toBe(1);
    expect(recent.get("b")).toBeUndefined();
  });
});
