// The sandbox's App Dashboard: create apps and Pages, and subscribe an app's webhook for a Page, over the
// control API (sandbox/README.md). Plain browser JavaScript, no build step.
"use strict";

const { t } = window.sandboxI18n;
const API = "/_sandbox/api";
// The fields a Page can subscribe its app to (sandbox/state/types.ts), and the ones new Pages start with.
const FIELDS = ["messages", "message_echoes", "message_deliveries", "message_reads", "message_reactions", "messaging_postbacks", "messaging_referrals", "messaging_optins", "messaging_handovers", "standby"];
const $ = (id) => document.getElementById(id);
const state = { pages: [] };

async function api(method, path, body) {
  const res = await fetch(API + path, {
    method,
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    // A 400 from the control API's schemas names each bad field.
    if (Array.isArray(json.issues)) throw new Error(t("setup.status.invalid", { issues: json.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }));
    throw new Error(json.error || `HTTP ${res.status}`);
  }
  return json;
}

function status(text, ok = true) {
  $("status").textContent = text;
  $("status").dataset.state = ok ? "ok" : "error";
}

function cell(text, attrs = {}) {
  const td = document.createElement("td");
  td.textContent = text;
  for (const [k, v] of Object.entries(attrs)) td.setAttribute(k, v);
  return td;
}

function option(value, label) {
  const node = document.createElement("option");
  node.value = value;
  node.textContent = label;
  return node;
}

/** The form's filled-in text fields; empty optional ones are left out so the sandbox generates them. */
function formValues(form) {
  const values = {};
  for (const [name, value] of new FormData(form)) if (typeof value === "string" && value.trim() !== "") values[name] = value.trim();
  return values;
}

async function load() {
  const [{ data: apps }, { data: pages }] = await Promise.all([api("GET", "/apps"), api("GET", "/pages")]);
  $("apps").replaceChildren(...apps.map((app) => {
    const tr = document.createElement("tr");
    tr.dataset.appId = app.id;
    tr.append(cell(app.id), cell(app.name), cell(app.callbackUrl || t("setup.none")), cell(app.callbackUrl ? t(app.subscriptionActive ? "setup.active" : "setup.disabled") : "–"));
    return tr;
  }));
  $("pages").replaceChildren(...pages.map((page) => {
    const tr = document.createElement("tr");
    tr.dataset.pageId = page.id;
    const link = document.createElement("a");
    link.href = `/m.me/${encodeURIComponent(page.username)}`;
    link.textContent = page.username;
    const username = cell("");
    username.append(link);
    tr.append(cell(page.id), cell(page.name), username, cell(page.appId), cell(page.accessToken, { class: "token" }), cell(page.subscribedFields.join(", ")));
    return tr;
  }));
  for (const select of document.querySelectorAll(".app-select")) {
    const chosen = select.value;
    select.replaceChildren(...apps.map((app) => option(app.id, `${app.name} (${app.id})`)));
    if (chosen) select.value = chosen;
  }
  const pageSelect = $("subscription-page");
  const chosenPage = pageSelect.value;
  pageSelect.replaceChildren(...pages.map((page) => option(page.id, `${page.name} (${page.id}) – ${t("setup.app")} ${page.appId}`)));
  if (chosenPage) pageSelect.value = chosenPage;
  state.pages = pages;
  showPageFields();
}

/** The subscription form starts from the chosen Page's current fields. */
function showPageFields() {
  const page = state.pages.find((p) => p.id === $("subscription-page").value);
  const current = new Set(page ? page.subscribedFields : []);
  $("fields").replaceChildren(...FIELDS.map((field) => {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = "field";
    box.value = field;
    box.checked = current.has(field);
    label.append(box, ` ${field}`);
    return label;
  }));
}

async function submit(form, work) {
  const button = form.querySelector("button");
  button.disabled = true;
  try {
    status(await work());
    await load();
  } catch (error) {
    status(t("error", { message: error.message }), false);
  } finally {
    button.disabled = false;
  }
}

$("app-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  submit(form, async () => {
    const app = await api("POST", "/apps", formValues(form));
    form.reset();
    return t("setup.status.appCreated", { id: app.id });
  });
});

$("page-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  submit(form, async () => {
    const page = await api("POST", "/pages", formValues(form));
    for (const input of form.querySelectorAll("input")) input.value = "";
    return t("setup.status.pageCreated", { id: page.id, username: page.username });
  });
});

$("subscription-page").addEventListener("change", () => showPageFields());

$("subscription-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  submit(form, async () => {
    const { pageId, callbackUrl, verifyToken } = formValues(form);
    const subscribedFields = [...form.querySelectorAll("input[name=field]:checked")].map((box) => box.value);
    const result = await api("PUT", `/pages/${encodeURIComponent(pageId)}/subscription`, {
      callbackUrl,
      verifyToken,
      subscribedFields: subscribedFields.length ? subscribedFields : undefined,
    });
    return t("setup.status.subscribed", { url: result.app.callbackUrl, page: result.page.name });
  });
});

load()
  .then(() => (document.body.dataset.ready = "true"))
  .catch((error) => status(t("error", { message: error.message }), false));
