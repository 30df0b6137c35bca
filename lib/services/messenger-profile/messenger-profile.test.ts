import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { BOT_PAYLOAD } from "@/lib/services/bot";
import { createChannel } from "@/lib/services/channels";
import { DEMO } from "@/sandbox/server";
import { expectAuditRow } from "@/tests/audit";
import { useTestDatabase } from "@/tests/db";
import { createSkillGroupWithAgents } from "@/tests/desk";
import { useGraphSandbox, type SandboxPageForTest } from "@/tests/graph-sandbox";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { getMessengerProfile, saveMessengerProfile } from "./index";

useTestDatabase();
const sandbox = useGraphSandbox();

let f: OrgFixture;
let other: OrgFixture;
let page: SandboxPageForTest;
let channelId: string;

beforeAll(async () => {
  f = await createOrgFixture();
  other = await createOrgFixture();
  page = await sandbox.newPage();
  const group = await createSkillGroupWithAgents(f.org, 1, "Support");
  const channel = await createChannel({ ctx: f.as.owner, input: { name: "Shop", pageId: page.pageId, pageAccessToken: page.pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId: group.group.id } });
  channelId = channel.id;
});

const metaProfile = () => sandbox.control<Record<string, unknown>>("GET", `/pages/${page.pageId}/messenger-profile`);

describe("the channel's Messenger profile", () => {
  it("suggests Get Started, a greeting and a Talk to a human / 转人工 menu until one is saved", async () => {
    const profile = await getMessengerProfile({ ctx: f.as.admin, channelId });
    expect(profile).toMatchObject({ saved: false, appliedAt: null, getStartedPayload: "GET_STARTED" });
    expect(profile.persistentMenu).toEqual([
      { locale: "default", composerInputDisabled: false, items: [{ type: "postback", title: "Talk to a human", payload: BOT_PAYLOAD.talkToHuman }] },
      { locale: "zh_CN", composerInputDisabled: false, items: [{ type: "postback", title: "转人工", payload: BOT_PAYLOAD.talkToHuman }] },
    ]);
  });

  it("saving stores it and applies it to the Page: a simulated user sees the menu and tapping 转人工 posts back MD_BOT_HUMAN", async () => {
    const suggested = await getMessengerProfile({ ctx: f.as.admin, channelId });
    const saved = await saveMessengerProfile({ ctx: f.as.admin, channelId, input: suggested });
    expect(saved).toMatchObject({ saved: true, lastError: null, appliedAt: expect.any(String) });
    expect(await metaProfile()).toEqual({
      get_started: { payload: "GET_STARTED" },
      greeting: suggested.greetings,
      persistent_menu: [
        { locale: "default", composer_input_disabled: false, call_to_actions: [{ type: "postback", title: "Talk to a human", payload: "MD_BOT_HUMAN" }] },
        { locale: "zh_CN", composer_input_disabled: false, call_to_actions: [{ type: "postback", title: "转人工", payload: "MD_BOT_HUMAN" }] },
      ],
    });
    const user = await sandbox.control<{ psid: string }>("POST", `/pages/${page.pageId}/users`, { locale: "zh_CN" });
    expect(await sandbox.control("GET", `/users/${user.psid}/menu`)).toMatchObject({ items: [{ title: "转人工", payload: "MD_BOT_HUMAN" }], getStarted: true });
    await sandbox.control("POST", `/users/${user.psid}/get-started`, {});
    await sandbox.control("POST", `/users/${user.psid}/menu`, { index: 0 });
    const events = await sandbox.control<{ data: { event: { postback?: { title: string; payload: string } } }[] }>("GET", `/webhook-events?psid=${user.psid}&field=messaging_postbacks`);
    expect(events.data.map((e) => e.event.postback)).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: "Get Started", payload: "GET_STARTED" }), expect.objectContaining({ title: "转人工", payload: "MD_BOT_HUMAN" })]),
    );
    expect(await getMessengerProfile({ ctx: f.as.owner, channelId })).toMatchObject({ saved: true, getStartedPayload: "GET_STARTED" });
    await expectAuditRow(f.org, { action: "channel.messenger_profile_updated", resourceId: channelId });
  });

  it("emptied fields are removed from the Page", async () => {
    await saveMessengerProfile({ ctx: f.as.admin, channelId, input: { getStartedPayload: "HELLO", greetings: [], persistentMenu: [] } });
    expect(await metaProfile()).toEqual({ get_started: { payload: "HELLO" } });
  });

  it("refuses what Meta would refuse before calling it, with field messages", async () => {
    const base = { getStartedPayload: "GS", greetings: [], persistentMenu: [] };
    const menu = (items: unknown[], locale = "default") => [{ locale, items }];
    await expect(saveMessengerProfile({ ctx: f.as.admin, channelId, input: { ...base, getStartedPayload: null, persistentMenu: menu([{ type: "postback", title: "Hi", payload: "P" }]) } })).rejects.toThrow(
      "getStartedPayload: A persistent menu needs a Get Started button (Meta's rule).",
    );
    await expect(saveMessengerProfile({ ctx: f.as.admin, channelId, input: { ...base, persistentMenu: menu(Array.from({ length: 21 }, (_, i) => ({ type: "postback", title: `I${i}`, payload: "P" }))) } })).rejects.toThrow(
      "persistentMenu.0.items: A menu has at most 20 items per language.",
    );
    await expect(saveMessengerProfile({ ctx: f.as.admin, channelId, input: { ...base, greetings: [{ locale: "zh_CN", text: "你好" }] } })).rejects.toThrow("greetings: Include the “default” language: Meta uses it for everyone else.");
    await expect(saveMessengerProfile({ ctx: f.as.admin, channelId, input: { ...base, greetings: [{ locale: "default", text: "x".repeat(161) }] } })).rejects.toBeInstanceOf(ValidationError);
    await expect(saveMessengerProfile({ ctx: f.as.admin, channelId, input: { ...base, persistentMenu: menu([{ type: "postback", title: "x".repeat(31), payload: "P" }]) } })).rejects.toBeInstanceOf(ValidationError);
  });

  it("keeps Meta's refusal as lastError (here a revoked Page token), so it can be fixed and saved again", async () => {
    await sandbox.control("POST", `/pages/${page.pageId}/token-death`, { subcode: 460 });
    const saved = await saveMessengerProfile({ ctx: f.as.admin, channelId, input: { getStartedPayload: "GS", greetings: [], persistentMenu: [] } });
    expect(saved.saved).toBe(true);
    expect(saved.appliedAt).toBeNull();
    expect(saved.lastError).toMatch(/access token/i);
  });

  it("agents and marketers may not; another organisation's channel is not found", async () => {
    for (const role of ["agent", "marketer"] as const) {
      await expect(getMessengerProfile({ ctx: f.as[role], channelId })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(saveMessengerProfile({ ctx: f.as[role], channelId, input: {} })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(getMessengerProfile({ ctx: other.as.owner, channelId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveMessengerProfile({ ctx: other.as.owner, channelId, input: { getStartedPayload: "X", greetings: [], persistentMenu: [] } })).rejects.toBeInstanceOf(NotFoundError);
  });
});
