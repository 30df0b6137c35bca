/** Every Meta answer of both kinds (sandbox README tables, platform-facts) mapped to what the sender does. */
import { describe, expect, it } from "vitest";
import { GraphError } from "@/lib/graph/errors";
import { classifyMarketingError, classifyRecurringError } from "./classify";

const NOW = new Date("2026-12-01T10:00:00Z");
const H = 3_600_000;
const err = (code: number, subcode?: number, message = "x") => new GraphError(message, 400, code, subcode, "OAuthException", "trace");
const fresh = { uncertain: false, lastSentAt: null, frequency: "weekly" };

describe("recurring notifications (Send API with notification_messages_token)", () => {
  it.each([
    ["4/2018354 too soon (weekly)", err(4, 2018354), fresh, { kind: "held", reason: "cadence", earliest: new Date(NOW.getTime() + 168 * H) }],
    ["4/2018354 too soon (daily: the 48 h gap binds)", err(4, 2018354), { ...fresh, frequency: "daily" }, { kind: "held", reason: "gap", earliest: new Date(NOW.getTime() + 48 * H) }],
    ["4/2018354 after our last send", err(4, 2018354), { ...fresh, lastSentAt: new Date(NOW.getTime() - 24 * H) }, { kind: "held", reason: "cadence", earliest: new Date(NOW.getTime() + 144 * H) }],
    ["4/2018354 for a call whose outcome was unknown", err(4, 2018354), { ...fresh, uncertain: true }, { kind: "sent", messageId: null, note: "already_received" }],
    ["10/1893015 stopped", err(10, 1893015), fresh, { kind: "skipped", reason: "stopped", permission: "stopped" }],
    ["100 invalid or expired token", err(100), fresh, { kind: "skipped", reason: "invalid_token", permission: "expired" }],
    ["10 region", err(10), fresh, { kind: "pause", reason: "broadcast.pause.regionUnavailable", reconnect: false }],
    ["551 blocked", err(551, 1545041), fresh, { kind: "failed", reason: "blocked", code: 551 }],
    ["613 rate", err(613, 2534040), fresh, { kind: "retry", why: "rate_limit" }],
    ["4 rate (no subcode)", err(4), fresh, { kind: "retry", why: "rate_limit" }],
    ["17 rate", err(17), fresh, { kind: "retry", why: "rate_limit" }],
    ["32 rate", err(32), fresh, { kind: "retry", why: "rate_limit" }],
    ["1 temporary", err(1), fresh, { kind: "retry", why: "temporary" }],
    ["2 temporary", err(2), fresh, { kind: "retry", why: "temporary" }],
    ["-1 temporary", err(-1), fresh, { kind: "retry", why: "temporary" }],
    ["1200 temporary", err(1200), fresh, { kind: "retry", why: "temporary" }],
    ["190 token", err(190, 460), fresh, { kind: "pause", code: 190, subcode: 460, reconnect: true }],
    ["anything else", err(2018300), fresh, { kind: "failed", code: 2018300 }],
  ] as const)("%s", (_name, error, recipient, verdict) => {
    expect(classifyRecurringError(error, recipient, NOW)).toMatchObject(verdict);
  });
});

describe("Marketing Messages (act_<id>/messages)", () => {
  it.each([
    ["2300052 recently messaged", err(2300052), { kind: "held", reason: "recently_messaged", earliest: new Date(NOW.getTime() + 24 * H) }],
    ["2300000 campaign not active", err(2300000), { kind: "pause", reason: "broadcast.pause.campaignNotActive", reconnect: false }],
    ["2300004 unsubscribed or invalid", err(2300004), { kind: "skipped", reason: "unsubscribed", permission: "stopped" }],
    ["2300005 another Page's subscriber", err(2300005), { kind: "failed", reason: "wrong_page" }],
    ["100 already received in this campaign", err(100, undefined, "This subscription token already received a message in this campaign"), { kind: "sent", note: "already_received" }],
    ["100 other invalid parameter", err(100, undefined, "Invalid parameter"), { kind: "failed", code: 100 }],
    ["551 blocked", err(551), { kind: "failed", reason: "blocked" }],
    ["613 rate", err(613), { kind: "retry", why: "rate_limit" }],
    ["4 rate", err(4), { kind: "retry", why: "rate_limit" }],
    ["17 rate", err(17), { kind: "retry", why: "rate_limit" }],
    ["32 rate", err(32), { kind: "retry", why: "rate_limit" }],
    ["1 temporary", err(1), { kind: "retry", why: "temporary" }],
    ["2 temporary", err(2), { kind: "retry", why: "temporary" }],
    ["-1 temporary", err(-1), { kind: "retry", why: "temporary" }],
    ["1200 temporary", err(1200), { kind: "retry", why: "temporary" }],
    ["190 token", err(190, 463), { kind: "pause", code: 190, reconnect: true }],
    ["10 region or business", err(10), { kind: "pause", reason: "broadcast.pause.regionUnavailable" }],
    ["200 permission", err(200), { kind: "pause", reason: "broadcast.pause.permissionMissing" }],
  ] as const)("%s", (_name, error, verdict) => {
    expect(classifyMarketingError(error, NOW)).toMatchObject(verdict);
  });
});
