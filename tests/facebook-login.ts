/**
 * Meta's login dialog as a person uses it, without a browser: the sandbox's form posted with the Facebook user,
 * the permissions left ticked and the Pages chosen (sandbox/README.md, Facebook Login), answered with where
 * Meta sends the person back (the redirect URI with code and state, or with the error).
 */
import type { GraphSandbox } from "./graph-sandbox";

export const PLATFORM_ENV = {
  META_APP_ID: "3000000000000003",
  META_APP_SECRET: "platform-app-secret",
  META_LOGIN_CONFIG_ID: "5000000000000005",
  META_WEBHOOK_VERIFY_TOKEN: "platform-verify-token",
} as const;
const ASKED = ["pages_show_list", "pages_messaging", "pages_manage_metadata", "business_management"];

export interface FacebookUserForTest {
  id: string;
  name: string;
  pages: { id: string; name: string }[];
}

export function createFacebookUser(sandbox: GraphSandbox, name: string, pages: { name: string; tasks?: string[] }[]): Promise<FacebookUserForTest> {
  return sandbox.control<FacebookUserForTest>("POST", "/facebook-users", { name, pages });
}

/** Where the dialog sends the person back: the query of the redirect, as the callback route receives it. */
export interface DialogReturn {
  state?: string;
  code?: string;
  error?: string;
  errorReason?: string;
  errorDescription?: string;
}

export async function completeDialog(
  dialogUrl: string,
  choice: { user: FacebookUserForTest; decline?: string[]; pageIds?: string[]; cancel?: boolean },
): Promise<DialogReturn> {
  const url = new URL(dialogUrl);
  const form = new URLSearchParams(url.searchParams);
  form.set("user", choice.user.id);
  for (const permission of ASKED) if (!choice.decline?.includes(permission)) form.append("permission", permission);
  for (const pageId of choice.pageIds ?? choice.user.pages.map((p) => p.id)) form.append("page", pageId);
  form.set("action", choice.cancel ? "cancel" : "continue");
  const res = await fetch(`${url.origin}${url.pathname}`, { method: "POST", body: form, redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" } });
  const location = res.headers.get("location");
  if (res.status !== 302 || !location) throw new Error(`the dialog answered ${res.status}: ${await res.text()}`);
  const back = new URL(location).searchParams;
  const get = (name: string) => back.get(name) ?? undefined;
  return { state: get("state"), code: get("code"), error: get("error"), errorReason: get("error_reason"), errorDescription: get("error_description") };
}
