import { graphBaseUrl } from "@/lib/graph/client";
import { appUrl } from "@/lib/app-url";

/**
 * The platform's own Meta app (a Business-type app the operator registers once): the one app behind
 * "Connect with Facebook" for every organisation, with one app-level webhook callback URL. Configured by the
 * operator in the environment; absent, only the manual path (a customer's own app) exists.
 */
export interface PlatformApp {
  appId: string;
  appSecret: string;
  /** The saved Facebook Login for Business configuration (token type, assets, permissions). */
  loginConfigId: string;
  /** The verify token the operator types into Meta's dashboard for the app-level callback URL. */
  webhookVerifyToken: string | null;
}

export function platformApp(): PlatformApp | null {
  const appId = process.env.META_APP_ID?.trim();
  const appSecret = process.env.META_APP_SECRET?.trim();
  const loginConfigId = process.env.META_LOGIN_CONFIG_ID?.trim();
  if (!appId || !appSecret || !loginConfigId) return null;
  return { appId, appSecret, loginConfigId, webhookVerifyToken: process.env.META_WEBHOOK_VERIFY_TOKEN?.trim() || null };
}

/** The permissions the login configuration asks for; Messenger Desk cannot work with fewer. */
export const REQUIRED_LOGIN_PERMISSIONS = ["pages_show_list", "pages_messaging", "pages_manage_metadata"] as const;

/**
 * Where Meta's login dialog lives: www.facebook.com for Meta; the sandbox serves it beside its Graph API, so
 * pointing GRAPH_API_URL at the sandbox points the dialog there too (one base URL decides, as for Graph).
 * FACEBOOK_DIALOG_URL overrides it for a proxy.
 */
export function loginDialogBaseUrl(): string {
  const explicit = process.env.FACEBOOK_DIALOG_URL?.trim();
  if (explicit) return explicit.replace(/\/+$/, "");
  return process.env.GRAPH_API_URL ? graphBaseUrl() : "https://www.facebook.com";
}

/** The redirect URI registered in the platform app's "Valid OAuth Redirect URIs". */
export function loginRedirectUri(): string {
  return `${appUrl()}/facebook/login/callback`;
}

/** The app-level webhook callback URL for the platform app (every Page connected with Facebook Login). */
export function platformWebhookUrl(): string {
  return `${appUrl()}/facebook/webhook`;
}
