/** The composer's words for Meta's rules and refusals: pure functions, the same the server decides by. */
import { describe, expect, it } from "vitest";
import { attachmentProblem, composerRule, contentMatchesType, PAGE_INBOX_APP_ID, sendFailureKey, threadOwnerKey, UNKNOWN_APP_OWNER, type ReplyState } from "./constants";
import { composerEn } from "@/lib/i18n/messages/composer.en";

const HOUR = 3_600_000;
const now = Date.UTC(2026, 11, 2, 12);
const state = (over: Partial<ReplyState> = {}): ReplyState => ({ lastInboundAt: now - HOUR, humanAgentEnabled: false, channelUsable: true, threadOwnerAppId: null, otnCampaign: null, ...over });

describe("composerRule", () => {
  it("within 24 hours: a response, closing 24 hours after the person's message", () => {
    expect(composerRule(state({ lastInboundAt: now - (24 * HOUR - 60_000) }), now)).toEqual({ sendable: true, key: "composer.rule.response", closesAt: now + 60_000, tag: null });
  });
  it("24 h to 7 days: the Human Agent tag with the permission, until 7 days; without it, refused with the reason", () => {
    const at = now - (24 * HOUR + 60_000);
    expect(composerRule(state({ lastInboundAt: at, humanAgentEnabled: true }), now)).toEqual({ sendable: true, key: "composer.rule.humanAgent", closesAt: at + 7 * 24 * HOUR, tag: "HUMAN_AGENT" });
    expect(composerRule(state({ lastInboundAt: at }), now)).toMatchObject({ sendable: false, key: "composer.rule.noPermission", closesAt: at + 7 * 24 * HOUR });
    expect(composerRule(state({ lastInboundAt: now - (7 * 24 * HOUR - HOUR), humanAgentEnabled: true }), now)).toMatchObject({ sendable: true, tag: "HUMAN_AGENT" });
  });
  it("after 7 days: refused, pointing at an unused One-Time Notification token's campaign when there is one", () => {
    const gone = now - (7 * 24 * HOUR + HOUR);
    expect(composerRule(state({ lastInboundAt: gone, humanAgentEnabled: true }), now)).toMatchObject({ sendable: false, key: "composer.rule.expired" });
    const campaign = { id: "c1", name: "Spring sale" };
    expect(composerRule(state({ lastInboundAt: gone, otnCampaign: campaign }), now)).toMatchObject({ sendable: false, key: "composer.rule.expiredOtn", otnCampaign: campaign });
    expect(composerRule(state({ lastInboundAt: null }), now)).toMatchObject({ sendable: false, key: "composer.rule.neverWrote" });
  });
  it("another app controlling the thread locks it, whatever the window; a disabled channel refuses", () => {
    expect(composerRule(state({ threadOwnerAppId: PAGE_INBOX_APP_ID }), now)).toMatchObject({ sendable: false, locked: true, key: "composer.locked.pageInbox" });
    expect(composerRule(state({ threadOwnerAppId: "777" }), now)).toMatchObject({ sendable: false, locked: true, key: "composer.locked.otherApp", vars: { app: "777" } });
    expect(threadOwnerKey(UNKNOWN_APP_OWNER)).toBe("composer.locked.unknownApp");
    expect(threadOwnerKey(null)).toBeNull();
    expect(composerRule(state({ channelUsable: false }), now)).toMatchObject({ sendable: false, key: "composer.rule.channelUnavailable" });
  });
  it("never words a retired tag", () => {
    const words = Object.values(composerEn).join(" ");
    for (const retired of ["CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "ACCOUNT_UPDATE"]) expect(words).not.toContain(retired);
    expect(composerEn["composer.rule.response"].replace("{time}", "14:00")).toBe("Replies go out as a response (24-hour window, closes at 14:00).");
  });
});

describe("sendFailureKey: Meta's refusals in words", () => {
  it.each([
    [10, "(#10/2018278) This message is sent outside of allowed window.", "composer.failure.window"],
    [10, "(#10/2018300) Another app controls this thread.", "composer.failure.otherApp"],
    [10, "(#10) Application does not have permission for this action", "composer.failure.noPermission"],
    [10, "(#10/1893063) Page restricted", "composer.failure.pageRestricted"],
    [551, "(#551/1545041) This person isn't available right now.", "composer.failure.unavailable"],
    [190, "(#190/460) Error validating access token", "composer.failure.token"],
    [613, "(#613/2534040) Calls to this api have exceeded the rate limit.", "composer.failure.rate"],
    [2, "(#2) Service temporarily unavailable", "composer.failure.temporary"],
    [100, "(#100) Invalid attachment_id", "composer.failure.invalid"],
    [null, "Graph API unreachable: timed out after 20000 ms", "composer.failure.unreachable"],
    [42, "(#42) Something new", "composer.failure.other"],
  ] as const)("%s %s", (code, reason, key) => {
    expect(sendFailureKey(code, reason)).toBe(key);
  });
});

describe("attachments", () => {
  it("states the limits: type, size, and a photo that is not one", () => {
    expect(attachmentProblem({ size: 10, contentType: "application/x-msdownload" })).toMatchObject({ key: "composer.attachment.typeRefused" });
    expect(attachmentProblem({ size: 8 * 1024 * 1024 + 1, contentType: "image/png" })).toEqual({ key: "composer.attachment.tooLarge", vars: { max: 8 } });
    expect(attachmentProblem({ size: 25 * 1024 * 1024, contentType: "application/pdf" })).toBeNull();
    expect(attachmentProblem({ size: 25 * 1024 * 1024 + 1, contentType: "video/mp4" })).toEqual({ key: "composer.attachment.tooLarge", vars: { max: 25 } });
    expect(attachmentProblem({ size: 0, contentType: "text/plain" })).toMatchObject({ key: "composer.attachment.empty" });
    expect(contentMatchesType("image/png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toBe(true);
    expect(contentMatchesType("image/png", new Uint8Array([0xff, 0xd8, 0xff]))).toBe(false);
    expect(contentMatchesType("application/pdf", new Uint8Array([1]))).toBe(true);
  });
});
