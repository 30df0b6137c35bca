import { describe, expect, it } from "vitest";
import { parseRealtimeEvent, personalDelivery } from "./events";

describe("notification.created", () => {
  const event = { type: "notification.created" as const, orgId: "o", membershipId: "m1", conversationId: "c", at: 1 };
  it("is heard only by the member it is for, supervisors included; other events are left to the stream's scope", () => {
    expect(parseRealtimeEvent(JSON.stringify(event))).toEqual(event);
    expect(personalDelivery(event, "m1")).toBe(true);
    expect(personalDelivery(event, "m2")).toBe(false);
    expect(personalDelivery(event, null)).toBe(false);
    expect(personalDelivery({ type: "conversation.updated", orgId: "o", conversationId: "c", at: 1 }, "m2")).toBeNull();
  });
});
