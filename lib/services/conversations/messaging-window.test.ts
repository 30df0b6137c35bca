import { describe, expect, it } from "vitest";
import { HUMAN_AGENT_WINDOW_MS, replyWindow, STANDARD_WINDOW_MS } from "./messaging-window";

const MIN = 60_000;
const last = 1_700_000_000_000;
const at = (elapsed: number, over: Partial<Parameters<typeof replyWindow>[0]> = {}) =>
  replyWindow({ lastInboundAt: last, now: last + elapsed, humanAgentEnabled: true, sentByPerson: true, ...over });

describe("the reply window", () => {
  it("answers with RESPONSE until 24 hours after the person's last message", () => {
    expect(at(0)).toMatchObject({ state: "open", messagingType: "RESPONSE", closesAt: last + STANDARD_WINDOW_MS });
    expect(at(STANDARD_WINDOW_MS - MIN)).toMatchObject({ state: "open" });
  });

  it("from 24 hours to 7 days: HUMAN_AGENT for a person on a channel with the permission, otherwise closed with the reason", () => {
    expect(at(STANDARD_WINDOW_MS)).toMatchObject({ state: "human_agent", messagingType: "MESSAGE_TAG", tag: "HUMAN_AGENT" });
    expect(at(STANDARD_WINDOW_MS + MIN)).toMatchObject({ state: "human_agent", closesAt: last + HUMAN_AGENT_WINDOW_MS });
    expect(at(HUMAN_AGENT_WINDOW_MS - MIN)).toMatchObject({ state: "human_agent" });
    expect(at(STANDARD_WINDOW_MS + MIN, { humanAgentEnabled: false })).toEqual({ state: "needs_human_agent", reason: "no_permission", closesAt: last + HUMAN_AGENT_WINDOW_MS });
    // An integration sending on its own is not a person typing: Meta forbids the tag for automation.
    expect(at(STANDARD_WINDOW_MS + MIN, { sentByPerson: false })).toMatchObject({ state: "needs_human_agent", reason: "not_a_person" });
  });

  it("is closed after 7 days, and before the person ever wrote", () => {
    expect(at(HUMAN_AGENT_WINDOW_MS)).toEqual({ state: "closed", reason: "expired" });
    expect(at(HUMAN_AGENT_WINDOW_MS + MIN)).toEqual({ state: "closed", reason: "expired" });
    expect(replyWindow({ lastInboundAt: null, now: last, humanAgentEnabled: true, sentByPerson: true })).toEqual({ state: "closed", reason: "never_wrote" });
  });
});
