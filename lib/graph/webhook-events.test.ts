/** How Conversation Routing's events are told apart and deduplicated before they are stored. */
import { describe, expect, it } from "vitest";
import { dedupeKey, eventKind, handoverOf, standbyDedupeKey, type MessagingEvent } from "./webhook-events";

const page = "1000000000000001";
const base = { sender: { id: "psid-1" }, recipient: { id: page }, timestamp: 1_764_650_000_000 };

describe("messaging_handovers", () => {
  it("pass, take and request are handovers, with the new (or requesting) owner's id as a string", () => {
    const pass: MessagingEvent = { ...base, pass_thread_control: { new_owner_app_id: 2000000000000002, previous_owner_app_id: "263902037430900", metadata: "back to you" } };
    const take: MessagingEvent = { ...base, take_thread_control: { new_owner_app_id: "263902037430900", previous_owner_app_id: "2000000000000002" } };
    const request: MessagingEvent = { ...base, request_thread_control: { requested_owner_app_id: 263902037430900 } };
    expect([pass, take, request].map(eventKind)).toEqual(["handover", "handover", "handover"]);
    expect(handoverOf(pass)).toEqual({ type: "pass", newOwnerAppId: "2000000000000002", metadata: "back to you" });
    expect(handoverOf(take)).toMatchObject({ type: "take", newOwnerAppId: "263902037430900" });
    expect(handoverOf(request)).toMatchObject({ type: "request", newOwnerAppId: "263902037430900" });
    // A redelivery has the same key; a different handover at the same moment does not.
    expect(dedupeKey(page, pass, "handover")).toBe(dedupeKey(page, { ...pass }, "handover"));
    expect(dedupeKey(page, pass, "handover")).not.toBe(dedupeKey(page, take, "handover"));
  });
});

describe("standby", () => {
  it("keeps the event's own key, marked, so a mid seen in standby never collides with the same mid's own delivery", () => {
    const message: MessagingEvent = { ...base, message: { mid: "m_1", text: "hi" } };
    expect(standbyDedupeKey(page, message)).toBe("standby:mid:m_1");
    expect(standbyDedupeKey(page, message)).not.toBe(dedupeKey(page, message, "message"));
  });
});
