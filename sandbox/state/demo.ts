/**
 * The demo app and Page that always exist (and the platform app of Facebook Login with the demo Facebook user), so a newcomer (and the app's demo mode, which seeds a matching
 * channel in "Demo Co") can run the whole flow without connecting a real Page.
 */
import type { SandboxStore } from "./store";

export const DEMO = {
  appId: "2000000000000002",
  appSecret: "demo-app-secret",
  verifyToken: "demo-verify-token",
  pageId: "1000000000000001",
  pageName: "Demo Page",
  pageUsername: "demopage",
  pageAccessToken: "demo-page-token",
  /** A Facebook Login user token that can list the demo Page via /me/accounts. */
  userAccessToken: "demo-user-token",
  /** The demo business's ad account (Marketing Messages), with a payment method. Graph path: act_<id>. */
  adAccountId: "6000000000000006",
} as const;

/**
 * The hosted service's own Meta app (Facebook Login for Business): one app-level callback for every Page
 * connected through login, and a saved login configuration (`config_id`) asking these permissions.
 */
export const PLATFORM = {
  appId: "3000000000000003",
  appSecret: "platform-app-secret",
  name: "Messenger Desk Platform",
  verifyToken: "platform-verify-token",
  loginConfigId: "5000000000000005",
  loginPermissions: ["pages_show_list", "pages_messaging", "pages_manage_metadata", "business_management"],
} as const;

/** The simulated Facebook user behind `demo-user-token`, with a role on the demo Page. */
export const DEMO_FACEBOOK_USER = { id: "4000000000000004", name: "Sandbox Admin" } as const;

export function platformCallbackUrl(appUrl: string): string {
  return `${appUrl.replace(/\/+$/, "")}/facebook/webhook`;
}

export function demoCallbackUrl(appUrl: string): string {
  return `${appUrl.replace(/\/+$/, "")}/facebook/webhook/${DEMO.pageId}`;
}

/** Adds the demo app/Page if missing (a restored state file may already hold them, possibly customised). */
export function ensureDemo(store: SandboxStore, appUrl: string): void {
  if (!store.apps.has(DEMO.appId)) {
    store.addApp({
      id: DEMO.appId,
      secret: DEMO.appSecret,
      name: "Messenger Desk (sandbox)",
      callbackUrl: demoCallbackUrl(appUrl),
      verifyToken: DEMO.verifyToken,
      // The demo app is the agent desk: it has passed App Review for Human Agent and for the Marketing
      // Messages API (paid_marketing_messages, ads_management); tests can turn them off.
      humanAgentPermission: true,
      marketingMessagesPermission: true,
      adsManagementPermission: true,
    });
  }
  if (!store.pages.has(DEMO.pageId)) {
    store.addPage({
      id: DEMO.pageId,
      name: DEMO.pageName,
      username: DEMO.pageUsername,
      accessToken: DEMO.pageAccessToken,
      appId: DEMO.appId,
    });
  }
  if (!store.userTokens.has(DEMO.userAccessToken)) store.addUserToken([DEMO.pageId], DEMO.userAccessToken);
  if (!store.apps.has(PLATFORM.appId)) {
    store.addApp({
      id: PLATFORM.appId,
      secret: PLATFORM.appSecret,
      name: PLATFORM.name,
      callbackUrl: platformCallbackUrl(appUrl),
      verifyToken: PLATFORM.verifyToken,
      humanAgentPermission: true,
      marketingMessagesPermission: true,
      adsManagementPermission: true,
    });
  }
  if (!store.adAccounts.has(DEMO.adAccountId)) {
    store.adAccounts.set(DEMO.adAccountId, { id: DEMO.adAccountId, name: "Demo ad account", hasPaymentMethod: true, currency: "USD" });
  }
  if (!store.facebookUsers.has(DEMO_FACEBOOK_USER.id)) {
    store.addFacebookUser({ id: DEMO_FACEBOOK_USER.id, name: DEMO_FACEBOOK_USER.name, pageIds: [DEMO.pageId] });
  }
}

/** The login configurations the sandbox knows (`config_id` → app and permissions asked). */
export function loginConfig(configId: string): { appId: string; permissions: readonly string[] } | undefined {
  return configId === PLATFORM.loginConfigId ? { appId: PLATFORM.appId, permissions: PLATFORM.loginPermissions } : undefined;
}
