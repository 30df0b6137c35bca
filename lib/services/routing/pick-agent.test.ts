import { describe, expect, it } from "vitest";
import { pickAgent, type Candidate } from "./pick-agent";

const agent = (membershipId: string, load: number, lastAssignedAt: number | null = null): Candidate => ({ membershipId, load, lastAssignedAt });

describe("picking the agent", () => {
  it("least busy: the fewest open conversations, then the longest without a new one", () => {
    expect(pickAgent({ candidates: [agent("a", 3), agent("b", 1), agent("c", 2)], cap: 5, strategy: "least_busy" })).toBe("b");
    expect(pickAgent({ candidates: [agent("a", 1, 2_000), agent("b", 1, 1_000), agent("c", 1, 3_000)], cap: 5, strategy: "least_busy" })).toBe("b");
    expect(pickAgent({ candidates: [agent("a", 1, 2_000), agent("b", 1, null)], cap: 5, strategy: "least_busy" })).toBe("b");
  });

  it("nobody at or above the cap, and null when everyone is full", () => {
    expect(pickAgent({ candidates: [agent("a", 5), agent("b", 4)], cap: 5, strategy: "least_busy" })).toBe("b");
    expect(pickAgent({ candidates: [agent("a", 5), agent("b", 6)], cap: 5, strategy: "round_robin" })).toBeNull();
    expect(pickAgent({ candidates: [], cap: 5, strategy: "least_busy" })).toBeNull();
  });

  it("sticky: the person's last agent first when online with room, else the strategy", () => {
    const candidates = [agent("a", 0), agent("b", 4)];
    expect(pickAgent({ candidates, cap: 5, strategy: "least_busy", stickyMembershipId: "b" })).toBe("b");
    expect(pickAgent({ candidates: [agent("a", 0), agent("b", 5)], cap: 5, strategy: "least_busy", stickyMembershipId: "b" })).toBe("a");
    // The last agent is not online (not a candidate).
    expect(pickAgent({ candidates, cap: 5, strategy: "least_busy", stickyMembershipId: "z" })).toBe("a");
  });

  it("round robin is fair: over many assignments everyone with room gets the same share, in turn", () => {
    const candidates = ["d", "a", "c", "b"].map((id) => agent(id, 0));
    const counts = new Map<string, number>();
    const order: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 400; i++) {
      const chosen: string = pickAgent({ candidates, cap: 1_000, strategy: "round_robin", roundRobinCursor: cursor })!;
      counts.set(chosen, (counts.get(chosen) ?? 0) + 1);
      if (i < 6) order.push(chosen);
      cursor = chosen;
    }
    expect(order).toEqual(["a", "b", "c", "d", "a", "b"]);
    expect([...counts.values()]).toEqual([100, 100, 100, 100]);
  });

  it("round robin skips a full agent without losing anyone's turn", () => {
    const candidates = [agent("a", 0), agent("b", 5), agent("c", 0)];
    expect(pickAgent({ candidates, cap: 5, strategy: "round_robin", roundRobinCursor: "a" })).toBe("c");
    expect(pickAgent({ candidates, cap: 5, strategy: "round_robin", roundRobinCursor: "c" })).toBe("a");
  });
});
