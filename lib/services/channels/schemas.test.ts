import { describe, expect, it } from "vitest";
import { channelBadge } from "./schemas";

describe("channelBadge: the one status a channel shows", () => {
  const healthy = { status: "active" as const, reconnectNeeded: false, lastCheckFailure: null, disconnectedAt: null };
  it.each([
    ["an active channel", healthy, "active"],
    ["a disabled channel", { ...healthy, status: "disabled" as const }, "disabled"],
    ["a refused token, never beside Active", { ...healthy, reconnectNeeded: true, lastCheckFailure: "(#190) revoked" }, "reconnect_needed"],
    ["a refused token on a disabled channel", { ...healthy, status: "disabled" as const, reconnectNeeded: true }, "reconnect_needed"],
    ["a failed check", { ...healthy, lastCheckFailure: "Not subscribed to: messages" }, "check_failed"],
    ["a failed check on a disabled channel", { ...healthy, status: "disabled" as const, lastCheckFailure: "x" }, "check_failed"],
    ["a disconnected channel, whatever else it says", { ...healthy, status: "disabled" as const, reconnectNeeded: true, disconnectedAt: "2026-12-01T00:00:00.000Z" }, "disconnected"],
  ])("%s", (_name, channel, badge) => {
    expect(channelBadge(channel)).toBe(badge);
  });
});
