/**
 * The demo app and Page that always exist, so a newcomer (and the app's demo mode, which seeds a matching
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
} as const;

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
      // The demo app is the agent desk: it has passed App Review for Human Agent (tests can turn it off).
      humanAgentPermission: true,
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
}
