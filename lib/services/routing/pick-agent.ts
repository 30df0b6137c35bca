import type { RoutingStrategy } from "./schemas";

/** An online member of the skill group, with their load (open and pending conversations, across groups). */
export interface Candidate {
  membershipId: string;
  load: number;
  /** Epoch ms of their last assignment; null for never. */
  lastAssignedAt: number | null;
}

/**
 * Who gets the next conversation, or null when every candidate is at the cap. Sticky first: the person's
 * last agent, when a candidate (online, in the group) with room. Otherwise least busy (fewest open, then the
 * longest without a new one, then id) or round robin (the next candidate in id order after the cursor, with
 * room, wrapping around). Pure: the engine calls it under the group's lock with loads it counted there.
 */
export function pickAgent(input: {
  candidates: readonly Candidate[];
  cap: number;
  strategy: RoutingStrategy;
  stickyMembershipId?: string | null;
  roundRobinCursor?: string | null;
}): string | null {
  const withRoom = input.candidates.filter((c) => c.load < input.cap);
  if (withRoom.length === 0) return null;
  if (input.stickyMembershipId) {
    const sticky = withRoom.find((c) => c.membershipId === input.stickyMembershipId);
    if (sticky) return sticky.membershipId;
  }
  if (input.strategy === "round_robin") {
    const ordered = [...withRoom].sort((a, b) => compareIds(a.membershipId, b.membershipId));
    const cursor = input.roundRobinCursor;
    return (cursor ? ordered.find((c) => compareIds(c.membershipId, cursor) > 0) : undefined)?.membershipId ?? ordered[0]!.membershipId;
  }
  const best = [...withRoom].sort(
    (a, b) => a.load - b.load || (a.lastAssignedAt ?? -Infinity) - (b.lastAssignedAt ?? -Infinity) || compareIds(a.membershipId, b.membershipId),
  );
  return best[0]!.membershipId;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
