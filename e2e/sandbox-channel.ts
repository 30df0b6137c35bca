import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { api, APP_URL, control } from "./helpers";
import { ownerOrg } from "./personas";

/**
 * A Page of its own in the sandbox (a new app, so its webhook reaches only this spec), connected by the owner as a
 * channel of a new skill group with the named persona members in it, checked, and with the sandbox's webhook
 * pointed at the app. `label` names everything ("Survey" → "Survey Page 123456", "Survey shop 123456").
 */
export async function connectSandboxChannel(owner: Page, request: APIRequestContext, { tag, label, agents = [] }: { tag: string; label: string; agents?: string[] }) {
  const { slug } = ownerOrg();
  const app = await control<{ id: string; secret: string }>(request, "POST", "/apps", { name: `E2E ${label.toLowerCase()} app ${tag}`, secret: `e2e-${label.toLowerCase()}-${tag}` });
  const fbPage = await control<{ id: string; accessToken: string }>(request, "POST", "/pages", { appId: app.id, name: `${label} Page ${tag}` });
  const group = await api<{ id: string }>(owner.request, slug, "POST", "/skill-groups", { name: `${label} ${tag}` });
  const ids: Record<string, string> = {};
  if (agents.length) {
    const members = await api<{ data: { id: string; name: string }[] }>(owner.request, slug, "GET", "/members?limit=100");
    for (const name of agents) {
      const member = members.data.find((m) => m.name === name);
      expect(member, `${name} is a member`).toBeDefined();
      ids[name] = member!.id;
      await api(owner.request, slug, "POST", `/skill-groups/${group.id}/members`, { membershipId: member!.id });
    }
  }
  const channel = await api<{ id: string }>(owner.request, slug, "POST", "/channels", {
    name: `${label} shop ${tag}`,
    pageId: fbPage.id,
    pageAccessToken: fbPage.accessToken,
    appId: app.id,
    appSecret: app.secret,
    skillGroupId: group.id,
  });
  await api(owner.request, slug, "POST", `/channels/${channel.id}/check`);
  const { verifyToken } = await api<{ verifyToken: string }>(owner.request, slug, "POST", `/channels/${channel.id}/verify-token`);
  await control(request, "PUT", `/apps/${app.id}/webhook`, { callbackUrl: `${APP_URL}/facebook/webhook/${fbPage.id}`, verifyToken });
  return { slug, pageId: fbPage.id, channelId: channel.id, groupId: group.id, ids };
}

export type PageMessage = { text?: string; quick_replies?: { title: string; payload: string }[] };

/** What the Page sent the person, as Messenger shows it (the sandbox's thread). */
export async function pageMessagesTo(request: APIRequestContext, psid: string): Promise<PageMessage[]> {
  const thread = await control<{ data: { direction: string; message?: PageMessage }[] }>(request, "GET", `/users/${psid}/thread`);
  return thread.data.filter((m) => m.direction === "out" && m.message).map((m) => m.message!);
}
