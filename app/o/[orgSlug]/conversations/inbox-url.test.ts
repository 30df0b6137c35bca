import { describe, expect, it } from "vitest";
import { EMPTY_INBOX_STATE, inboxFilters, inboxQueryString, isFiltered, readInboxState } from "./inbox-url";

const ID = "0194f0c2-7a10-7c3e-9b1d-2f3a4b5c6d7e";

describe("the inbox's URL", () => {
  it("round-trips every part of the state, Chinese search included", () => {
    const state = { view: "unassigned" as const, status: "open" as const, channelId: ID, skillGroupId: ID, assignee: "me", labelId: ID, q: "退款 refund" };
    const params = Object.fromEntries(new URLSearchParams(inboxQueryString(state)));
    expect(readInboxState(params)).toEqual(state);
  });

  it("drops what the inbox would refuse, and defaults the view", () => {
    expect(readInboxState({ view: "everything", status: "closed", channel: "1", assignee: "someone", label: "x" })).toEqual(EMPTY_INBOX_STATE);
    expect(readInboxState({}, "mine").view).toBe("mine");
    expect(readInboxState({ q: ["  vip  ", "other"] }).q).toBe("vip");
    expect(readInboxState({ q: "x".repeat(300) }).q).toHaveLength(100);
  });

  it("turns into the service's filters and says when it is filtered", () => {
    expect(inboxFilters(EMPTY_INBOX_STATE)).toEqual({});
    expect(JSON.parse(JSON.stringify(inboxFilters({ ...EMPTY_INBOX_STATE, assignee: "none", q: "vip" })))).toEqual({ assigneeMembershipId: "none", q: "vip" });
    expect(isFiltered(EMPTY_INBOX_STATE)).toBe(false);
    expect(isFiltered({ ...EMPTY_INBOX_STATE, view: "mine" })).toBe(false);
    expect(isFiltered({ ...EMPTY_INBOX_STATE, labelId: ID })).toBe(true);
  });
});
