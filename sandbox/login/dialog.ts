/**
 * The Facebook Login dialog (`/{version}/dialog/oauth`): GET renders a plain HTML form (works without
 * JavaScript; every control has a label for screen readers and Playwright's getByRole/getByLabel), POST decides:
 * Continue issues a code and redirects to redirect_uri with it and the state; Cancel redirects with Meta's
 * access_denied error. Everything user-provided is HTML-escaped.
 */
import type { GraphContext } from "../graph/context";
import { loginConfig } from "../state/demo";
import type { FacebookUser, SandboxApp, SandboxPage } from "../state/types";
import { issueCode, pagePictureUrl } from "./graph-login";

export const DIALOG_PATH = /^(?:\/v\d+\.\d+)?\/dialog\/oauth\/?$/;

export type DialogAnswer = { status: number; html: string } | { status: 302; location: string };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

interface DialogRequest {
  app: SandboxApp;
  redirectUri: string;
  state: string | null;
  configId: string | null;
  permissions: string[];
}

class DialogError extends Error {}

/** Validates the dialog's parameters (the same for the page and its form post). */
function parseRequest(ctx: GraphContext, params: URLSearchParams): DialogRequest {
  const app = ctx.store.apps.get(params.get("client_id") ?? "");
  if (!app) throw new DialogError("Invalid App ID: the client_id is not a known app.");
  const redirectUri = params.get("redirect_uri") ?? "";
  if (!/^https?:\/\//.test(redirectUri)) throw new DialogError("URL blocked: redirect_uri is missing or is not an absolute http(s) URL.");
  const responseType = params.get("response_type");
  if (responseType !== null && responseType !== "code") throw new DialogError("The sandbox dialog supports response_type=code only.");
  const configId = params.get("config_id");
  let permissions: string[];
  if (configId) {
    const config = loginConfig(configId);
    if (!config || config.appId !== app.id) throw new DialogError("Invalid config_id: no login configuration with this id for this app.");
    permissions = [...config.permissions];
  } else {
    // Classic Facebook Login: the permissions come in `scope` (the demo app uses this).
    permissions = (params.get("scope") ?? "pages_show_list,pages_messaging").split(/[,\s]+/).filter(Boolean);
  }
  return { app, redirectUri, state: params.get("state"), configId, permissions: permissions.filter((p) => p !== "public_profile") };
}

const errorPage = (message: string): DialogAnswer => ({ status: 400, html: layout("Error", `<h1>Sorry, something went wrong</h1><p role="alert">${escapeHtml(message)}</p>`) });

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | Facebook (sandbox)</title>
<style>
body{font-family:system-ui,sans-serif;background:#f0f2f5;margin:0;padding:24px;color:#1c1e21}
main{max-width:520px;margin:0 auto;background:#fff;border-radius:8px;padding:24px;box-shadow:0 1px 3px rgba(0,0,0,.2)}
h1{font-size:1.3rem}fieldset{border:1px solid #dddfe2;border-radius:6px;margin:0 0 16px;padding:12px}
legend{font-weight:600}label{display:flex;align-items:center;gap:8px;padding:4px 0}
img{border-radius:4px}.actions{display:flex;flex-direction:row-reverse;gap:8px;justify-content:flex-start}
button{font:inherit;padding:8px 16px;border-radius:6px;border:1px solid #ccd0d5;background:#e4e6eb;cursor:pointer}
button[value=continue]{background:#1877f2;border-color:#1877f2;color:#fff}.note{color:#606770;font-size:.9rem}
</style></head><body><main>${body}</main></body></html>`;
}

function renderDialog(ctx: GraphContext, request: DialogRequest, selectedUserId: string | null): string {
  const users = [...ctx.store.facebookUsers.values()];
  const selected = users.find((u) => u.id === selectedUserId) ?? users[0];
  const hidden = (name: string, value: string | null) => (value === null ? "" : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`);
  const userRadios = users
    .map((u) => `<label><input type="radio" name="user" value="${escapeHtml(u.id)}"${u === selected ? " checked" : ""}> ${escapeHtml(u.name)}</label>`)
    .join("\n");
  const permissionBoxes = request.permissions
    .map((p) => `<label><input type="checkbox" name="permission" value="${escapeHtml(p)}" checked> ${escapeHtml(p)}</label>`)
    .join("\n");
  // One group of Pages per Facebook user; without JavaScript all show and only the chosen user's count.
  const pageGroups = users
    .map((u: FacebookUser) => {
      const pages = u.pageIds.map((id) => ctx.store.pages.get(id)).filter((p): p is SandboxPage => !!p);
      const boxes = pages.length
        ? pages
            .map(
              (p) =>
                `<label><input type="checkbox" name="page" value="${escapeHtml(p.id)}" checked> <img src="${escapeHtml(pagePictureUrl(ctx, p))}" alt="" width="24" height="24"> ${escapeHtml(p.name)}</label>`,
            )
            .join("\n")
        : `<p class="note">${escapeHtml(u.name)} has no Pages.</p>`;
      return `<fieldset data-user="${escapeHtml(u.id)}"${u === selected ? "" : " hidden"}><legend>Choose the Pages</legend>\n${boxes}</fieldset>`;
    })
    .join("\n");
  const body = `<h1>${escapeHtml(request.app.name)} is requesting access</h1>
<form method="post">
${hidden("client_id", request.app.id)}${hidden("redirect_uri", request.redirectUri)}${hidden("state", request.state)}${hidden("config_id", request.configId)}${hidden("scope", request.configId ? null : request.permissions.join(","))}${hidden("response_type", "code")}
<fieldset><legend>Continue as</legend>
${userRadios || '<p class="note">No Facebook users in the sandbox: create one with POST /_sandbox/api/facebook-users.</p>'}
</fieldset>
<fieldset><legend>Permissions asked (untick to decline)</legend>
<p class="note">public_profile is always granted.</p>
${permissionBoxes}
</fieldset>
${pageGroups}
<!-- Continue first in the DOM: pressing Enter submits the form's first button, which must not be Cancel. -->
<div class="actions"><button type="submit" name="action" value="continue">Continue</button><button type="submit" name="action" value="cancel">Cancel</button></div>
</form>
<script>
for (const radio of document.querySelectorAll('input[name=user]')) radio.addEventListener('change', () => {
  for (const group of document.querySelectorAll('fieldset[data-user]')) group.hidden = group.dataset.user !== radio.value;
});
</script>`;
  return layout(`Log in with Facebook: ${request.app.name}`, body);
}

/** GET renders the dialog; POST (form-encoded) decides. */
export function handleDialog(ctx: GraphContext, method: string, query: URLSearchParams, form: URLSearchParams | null): DialogAnswer {
  const params = method === "POST" && form ? form : query;
  let request: DialogRequest;
  try {
    request = parseRequest(ctx, params);
  } catch (error) {
    if (error instanceof DialogError) return errorPage(error.message);
    throw error;
  }
  if (method !== "POST") return { status: 200, html: renderDialog(ctx, request, params.get("user")) };
  const target = new URL(request.redirectUri);
  if (params.get("action") !== "continue") {
    target.searchParams.set("error", "access_denied");
    target.searchParams.set("error_code", "200");
    target.searchParams.set("error_description", "Permissions error");
    target.searchParams.set("error_reason", "user_denied");
    if (request.state !== null) target.searchParams.set("state", request.state);
    return { status: 302, location: target.toString() };
  }
  const user = ctx.store.facebookUsers.get(params.get("user") ?? "");
  if (!user) return errorPage("Choose the Facebook user to continue as.");
  const ticked = new Set(params.getAll("permission"));
  const scopes = request.permissions.filter((p) => ticked.has(p));
  const declined = request.permissions.filter((p) => !ticked.has(p));
  const chosen = new Set(params.getAll("page"));
  const pageIds = user.pageIds.filter((id) => chosen.has(id));
  const code = issueCode(ctx, { appId: request.app.id, redirectUri: request.redirectUri, userId: user.id, scopes, declined, pageIds });
  target.searchParams.set("code", code.code);
  if (request.state !== null) target.searchParams.set("state", request.state);
  return { status: 302, location: target.toString() };
}

/** A Page's picture: a generated SVG with its initials (what /me/accounts' picture.data.url points at). */
export function pagePictureSvg(page: SandboxPage): string {
  const initials =
    page.name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => [...w][0]?.toUpperCase() ?? "")
      .join("") || "?";
  let hash = 0;
  for (const ch of page.id) hash = (hash * 31 + ch.charCodeAt(0)) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="50" height="50" viewBox="0 0 50 50" role="img" aria-label="${escapeHtml(page.name)}"><rect width="50" height="50" fill="hsl(${hash} 55% 45%)"/><text x="25" y="31" font-family="system-ui,sans-serif" font-size="18" font-weight="600" fill="#fff" text-anchor="middle">${escapeHtml(initials)}</text></svg>`;
}
