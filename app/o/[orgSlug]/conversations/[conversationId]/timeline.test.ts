import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import type { ConversationMessage, ConversationNote, TimelineActivity } from "@/lib/services/conversations/schemas";
import { activitySentence } from "./activity-sentence";
import { timelineItems } from "./timeline-items";

const en = translator("en");
const zh = translator("zh-CN");
const T0 = Date.parse("2026-12-01T10:00:00.000Z");

const message = (id: string, at: number) => ({ id, timestamp: at }) as ConversationMessage;
const note = (id: string, at: number) => ({ id, createdAt: new Date(at).toISOString() }) as ConversationNote;
const activity = (a: Partial<TimelineActivity>): TimelineActivity => ({
  id: "a",
  kind: "assigned",
  actor: "member",
  actorName: "Alice",
  fromName: null,
  toName: null,
  toSkillGroupName: null,
  fromStatus: null,
  toStatus: null,
  memo: null,
  at: new Date(T0).toISOString(),
  ...a,
});

describe("timelineItems", () => {
  it("merges messages, desk events and notes in time order", () => {
    const items = timelineItems(
      [message("m1", T0), message("m2", T0 + 3000)],
      [note("n1", T0 + 2000), note("n2", T0 + 5000)],
      [activity({ id: "a1", at: new Date(T0 + 1000).toISOString() }), activity({ id: "a2", at: new Date(T0 + 4000).toISOString() })],
    );
    expect(items.map((i) => i.key)).toEqual(["m:m1", "a:a1", "n:n1", "m:m2", "a:a2", "n:n2"]);
  });

  it("at the same moment: the message, then the event it caused, then a note; each list keeps its order", () => {
    const items = timelineItems([message("m1", T0), message("m2", T0)], [note("n1", T0)], [activity({ id: "reopened", at: new Date(T0).toISOString() })]);
    expect(items.map((i) => i.key)).toEqual(["m:m1", "m:m2", "a:reopened", "n:n1"]);
  });

  it("messages alone stay as they were", () => {
    expect(timelineItems([message("m1", T0)]).map((i) => i.kind)).toEqual(["message"]);
  });
});

describe("desk events in words", () => {
  it("a transfer with its memo, in both languages", () => {
    const a = activity({ kind: "transferred", toName: "Bob", memo: "VIP, wants a refund" });
    expect(activitySentence(a, en)).toBe("Alice transferred to Bob: “VIP, wants a refund”");
    expect(activitySentence(a, zh)).toBe("Alice 转接给 Bob：“VIP, wants a refund”");
    expect(activitySentence(activity({ kind: "transferred", toSkillGroupName: "Billing" }), en)).toBe("Alice transferred to the Billing group");
  });

  it("resolved, reopened by a new message, assigned by routing, back to the queue when the agent went offline", () => {
    expect(activitySentence(activity({ kind: "resolved" }), en)).toBe("Resolved by Alice");
    expect(activitySentence(activity({ kind: "reopened", actor: "system", actorName: null }), en)).toBe("Reopened: new message");
    expect(activitySentence(activity({ kind: "reopened", actor: "system", actorName: null }), zh)).toBe("已重新打开：收到新消息");
    expect(activitySentence(activity({ kind: "assigned", actor: "system", actorName: null, toName: "Bob" }), en)).toBe("Assigned to Bob");
    expect(activitySentence(activity({ kind: "unassigned", actor: "system", fromName: "Bob", memo: "agent_offline" }), en)).toBe("Back to the queue: Bob went offline");
    expect(activitySentence(activity({ kind: "status_changed", toStatus: "pending" }), en)).toBe("Alice set the status to Pending");
  });

  it("a member who left is 'someone'", () => {
    expect(activitySentence(activity({ kind: "resolved", actorName: null }), en)).toBe("Resolved by someone");
  });
});
