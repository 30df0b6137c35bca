import { timingSafeEqual } from "node:crypto";
import { getChannelRouting, isPageId } from "@/lib/services/channels";
import { platformApp } from "@/lib/meta/platform-app";

export interface VerificationAnswer {
  status: 200 | 403 | 404;
  /** The echoed `hub.challenge` on success. */
  body: string;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Meta's verification handshake for the callback URL of `pageId`: echo `hub.challenge` when the mode is
 * "subscribe" and the verify token is that channel's. Anything else, including a failed channel lookup,
 * answers 403 so Meta shows the setup as not validated instead of trusting an unchecked URL. A path that
 * cannot be a Page id answers 404 without a lookup.
 */
export async function answerVerification(pageId: string, query: URLSearchParams): Promise<VerificationAnswer> {
  if (!isPageId(pageId)) return { status: 404, body: "Unknown Page" };
  const routing = await getChannelRouting(pageId).catch(() => null);
  const token = query.get("hub.verify_token") ?? "";
  if (query.get("hub.mode") === "subscribe" && routing && sameSecret(token, routing.verifyToken)) {
    return { status: 200, body: query.get("hub.challenge") ?? "" };
  }
  return { status: 403, body: "Forbidden" };
}

/**
 * The handshake for the platform app's app-level callback URL (`/facebook/webhook`): the verify token is the
 * operator's META_WEBHOOK_VERIFY_TOKEN. Without a platform app the URL does not exist (404); with one but no
 * verify token configured, nothing can pass (403), as with a wrong token.
 */
export function answerPlatformVerification(query: URLSearchParams): VerificationAnswer {
  const app = platformApp();
  if (!app) return { status: 404, body: "Not found" };
  const token = query.get("hub.verify_token") ?? "";
  if (query.get("hub.mode") === "subscribe" && app.webhookVerifyToken && sameSecret(token, app.webhookVerifyToken)) {
    return { status: 200, body: query.get("hub.challenge") ?? "" };
  }
  return { status: 403, body: app.webhookVerifyToken ? "Forbidden" : "Forbidden: META_WEBHOOK_VERIFY_TOKEN is not configured" };
}
