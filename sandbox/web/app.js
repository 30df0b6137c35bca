// The simulated Messenger user: plain browser JavaScript over the sandbox's control API (no build step).
"use strict";

// Strings in the page's language (i18n.js, loaded first).
const { t } = window.sandboxI18n;

const API = "/_sandbox/api";
const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);
const state = { pages: [], page: null, psid: null, thread: [], owner: null, senderActions: null, renderedKey: "" };

async function api(method, path, body) {
  const res = await fetch(API + path, {
    method,
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(json.error || `HTTP ${res.status}`);
  return json;
}

function status(text) {
  $("status").textContent = text;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "onclick") node.addEventListener("click", v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
}

const storageKey = (pageId) => `sandbox-psid-${pageId}`;

async function choosePage(pageId) {
  state.page = state.pages.find((p) => p.id === pageId) || state.pages[0];
  $("page-select").value = state.page.id;
  $("page-username").textContent = state.page.username;
  $("get-started-page").textContent = state.page.name;
  state.psid = null;
  const remembered = params.get("psid") || localStorage.getItem(storageKey(state.page.id));
  if (remembered) {
    try {
      const user = await api("GET", `/users/${remembered}`);
      if (user.pageId === state.page.id) setUser(user);
    } catch {
      localStorage.removeItem(storageKey(state.page.id));
    }
  }
  renderIdentity();
  await refresh();
}

function setUser(user) {
  state.psid = user.psid;
  state.user = user;
  localStorage.setItem(storageKey(user.pageId), user.psid);
  renderIdentity();
}

function renderIdentity() {
  $("psid").textContent = state.psid || "–";
  $("user-name").textContent = state.user && state.psid ? `${state.user.firstName} ${state.user.lastName}` : t("user.nobody");
  $("block").textContent = t(state.user && state.user.blocked ? "user.unblock" : "user.block");
}

async function newPerson() {
  const user = await api("POST", `/pages/${state.page.id}/users`, {});
  setUser(user);
  state.thread = [];
  await refresh();
  return user;
}

/** Opening an m.me link: a new thread waits for Get Started; an existing one sends a referral. */
async function openLink(ref) {
  if (!state.psid) await newPerson();
  const result = await api("POST", `/users/${state.psid}/open-link`, { ref: ref || undefined, getStarted: false });
  $("get-started").hidden = result.outcome !== "awaiting_get_started";
  status(t(result.outcome === "referral" ? "user.status.referral" : result.outcome === "awaiting_get_started" ? "user.status.awaitingGetStarted" : "user.status.opened", { ref }));
  await refresh();
}

async function act(fn, message) {
  try {
    await fn();
    if (message) status(message);
    await refresh();
  } catch (error) {
    status(t("error", { message: error.message }));
  }
}

async function refresh() {
  if (!state.psid) {
    state.thread = [];
    state.owner = null;
    state.senderActions = null;
    render();
    return;
  }
  const { data, user, owner, senderActions } = await api("GET", `/users/${state.psid}/thread`);
  state.thread = data;
  state.user = user;
  state.owner = owner;
  state.senderActions = senderActions;
  renderIdentity();
  if (user.threadStarted) $("get-started").hidden = true;
  renderMenu(await api("GET", `/users/${state.psid}/menu`));
  render();
}

/** The Page's Messenger profile as this person sees it: the greeting over Get Started, the persistent menu. */
function renderMenu(menu) {
  const key = JSON.stringify(menu);
  if (key === state.menuKey) return;
  state.menuKey = key;
  $("greeting").hidden = !menu.greeting;
  $("greeting").textContent = (menu.greeting || "").replace(/\{\{user_first_name\}\}/g, (state.user && state.user.firstName) || "");
  $("persistent-menu").hidden = menu.items.length === 0;
  $("persistent-menu").replaceChildren(
    el("span", { class: "hint" }, t("user.menu")),
    ...menu.items.map((item, index) =>
      item.type === "postback"
        ? el("button", { "data-testid": "menu-item", onclick: () => act(() => api("POST", `/users/${state.psid}/menu`, { index }), t("user.status.tapped", { title: item.title })) }, item.title)
        : el("a", { "data-testid": "menu-item", href: item.url, target: "_blank", rel: "noreferrer" }, item.title),
    ),
  );
}

function template(m) {
  const a = m.message && m.message.attachment;
  return a && a.type === "template" ? a.payload : null;
}

function renderButton(button, m, index, elementIndex) {
  if (button.type === "web_url") return el("a", { class: "button", href: button.url, target: "_blank", rel: "noreferrer" }, button.title);
  if (button.type === "postback") {
    return el("button", { "data-testid": "postback-button", onclick: () => act(() => api("POST", `/users/${state.psid}/postback`, { mid: m.mid, index, elementIndex }), t("user.status.tapped", { title: button.title })) }, button.title);
  }
  return el("button", { disabled: true }, button.title || button.type);
}

function renderOutgoing(m) {
  const tpl = template(m);
  const msg = m.message || {};
  if (m.senderAction) return el("div", { class: "meta" }, `(${m.senderAction})`);
  if (tpl && tpl.template_type === "one_time_notif_req") {
    return el("div", { class: "card", "data-testid": "otn-request" },
      el("div", { class: "title" }, tpl.title),
      el("button", {
        "data-testid": "notify-me",
        disabled: m.optedIn,
        onclick: () => act(() => api("POST", `/users/${state.psid}/notify-me`, { mid: m.mid }), t("user.status.notifyMe")),
      }, t(m.optedIn ? "user.notified" : "user.notifyMe")));
  }
  if (tpl && tpl.template_type === "notification_messages") {
    return el("div", { class: "card", "data-testid": "notification-request" },
      el("div", { class: "title" }, tpl.title),
      el("button", { disabled: m.optedIn, onclick: () => act(() => api("POST", `/users/${state.psid}/notification-optin`, { mid: m.mid }), t("user.status.optedIn")) }, t(m.optedIn ? "user.subscribed" : "user.getMessages")));
  }
  if (tpl && tpl.template_type === "button") {
    return el("div", { class: "card" }, el("div", { class: "title" }, tpl.text), (tpl.buttons || []).map((b, i) => renderButton(b, m, i)));
  }
  if (tpl && tpl.template_type === "generic") {
    return el("div", {}, (tpl.elements || []).map((e, ei) =>
      el("div", { class: "card" },
        e.image_url ? el("img", { class: "attachment", src: e.image_url, alt: "" }) : null,
        el("div", { class: "title" }, e.title),
        e.subtitle ? el("div", { class: "subtitle" }, e.subtitle) : null,
        (e.buttons || []).map((b, i) => renderButton(b, m, i, ei)))));
  }
  if (msg.attachment) return renderMedia(msg.attachment, "page-attachment");
  return el("div", { class: "bubble", "data-testid": "page-message" }, msg.text || "");
}

/** Images, videos, audio and files as Messenger shows them (uploaded files and attachment_id sends carry their url). */
function renderMedia(attachment, testid) {
  const url = attachment.payload && attachment.payload.url;
  if (!url) return el("div", { class: "bubble", "data-testid": testid }, t("user.attachment", { type: attachment.type }));
  if (attachment.type === "image") return el("img", { class: "attachment", src: url, alt: "image", "data-testid": testid });
  if (attachment.type === "video") return el("video", { class: "attachment", src: url, controls: true, "data-testid": testid });
  if (attachment.type === "audio") return el("audio", { src: url, controls: true, "data-testid": testid });
  const name = decodeURIComponent(url.split("?")[0].split("/").pop() || "") || t("user.file");
  return el("div", { class: "bubble", "data-testid": testid }, el("a", { href: url, target: "_blank", rel: "noreferrer" }, /^\d+$/.test(name) ? t("user.file") : name));
}

function renderIncoming(m) {
  const msg = m.message || {};
  if (msg.attachments) return msg.attachments.map((a) => renderMedia(a, "user-attachment"));
  return el("div", { class: "bubble", "data-testid": "user-message" }, msg.text || "");
}

function receipt(m) {
  if (m.direction === "in") {
    // The Page's mark_seen: show "Seen" under the person's latest message it covers.
    const seenAt = state.senderActions && state.senderActions.seenAt;
    const lastIn = [...state.thread].reverse().find((x) => x.direction === "in" && x.timestamp <= (seenAt || 0));
    return seenAt && lastIn && lastIn.mid === m.mid ? el("div", { class: "meta", "data-testid": "seen-by-page" }, t("user.seenByPage")) : null;
  }
  if (!m.message) return null;
  return el("div", { class: "meta" }, t(m.readAt ? "user.receipt.seen" : m.deliveredAt ? "user.receipt.delivered" : "user.receipt.sent"));
}

/** Who handles the conversation (Conversation Routing) and the Page Inbox's buttons. */
function renderOwner() {
  const owner = state.owner;
  $("owner-bar").hidden = !owner;
  if (!owner) return;
  $("owner-bar").dataset.owner = owner.isPageInbox ? "inbox" : "app";
  $("owner-text").textContent = t("user.owner", { name: owner.isPageInbox ? t("user.owner.inbox") : owner.name });
  $("inbox-take").hidden = owner.isPageInbox;
  $("inbox-pass").hidden = !owner.isPageInbox;
  const request = owner.pendingRequest;
  $("owner-request").textContent = request ? t("user.inboxRequested", { name: request.name }) : "";
}

function render() {
  const key = JSON.stringify([state.thread, state.owner, state.senderActions && state.senderActions.typing, state.senderActions && state.senderActions.seenAt]);
  if (key === state.renderedKey) return;
  state.renderedKey = key;
  renderOwner();
  const list = $("thread");
  const items = state.thread.map((m) => {
    if (m.event) return el("li", { class: "note", "data-testid": "event-note" }, m.event);
    return el("li", { class: m.direction, "data-mid": m.mid }, m.direction === "out" ? renderOutgoing(m) : renderIncoming(m), receipt(m));
  });
  if (state.senderActions && state.senderActions.typing) items.push(el("li", { class: "typing", "data-testid": "page-typing" }, t("user.typing", { page: state.page.name })));
  list.replaceChildren(...items);
  list.scrollTop = list.scrollHeight;
  // Quick replies belong to the latest message only, as in Messenger.
  const last = state.thread[state.thread.length - 1];
  const replies = last && last.direction === "out" && last.message && last.message.quick_replies;
  $("quick-replies").replaceChildren(...(replies || []).map((q, index) =>
    el("button", { "data-testid": "quick-reply", onclick: () => act(() => api("POST", `/users/${state.psid}/quick-reply`, { mid: last.mid, index }), t("user.status.tapped", { title: q.title })) }, q.title || q.content_type)));
}

function showRecurringPrompt(topic, cadence) {
  $("rn-text").textContent = t("user.rn.prompt", { topic, cadence: cadence || "–" });
  $("rn-prompt").hidden = false;
  const answer = (allow) => act(async () => {
    await api("POST", `/users/${state.psid}/rn-link`, { topic, cadence: cadence || undefined, allow, timezone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    $("rn-prompt").hidden = true;
  }, t(allow ? "user.status.rnOptedIn" : "user.status.rnDismissed", { topic }));
  $("rn-allow").onclick = () => answer(true);
  $("rn-dismiss").onclick = () => answer(false);
}

async function main() {
  const { data } = await api("GET", "/pages");
  state.pages = data;
  $("page-select").replaceChildren(...data.map((p) => el("option", { value: p.id }, `${p.name} (${p.username})`)));
  $("page-select").addEventListener("change", (e) => act(() => choosePage(e.target.value)));
  $("new-person").addEventListener("click", () => act(newPerson, t("user.status.newPerson")));
  $("open-link").addEventListener("click", () => act(() => openLink($("ref-input").value)));
  $("get-started-button").addEventListener("click", () => act(async () => {
    await api("POST", `/users/${state.psid}/get-started`, {});
    $("get-started").hidden = true;
  }, t("user.status.getStarted")));
  $("composer").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = $("text-input").value.trim();
    if (!text || !state.psid) return;
    $("text-input").value = "";
    act(() => api("POST", `/users/${state.psid}/messages`, { text }), t("user.status.messageSent"));
  });
  $("image-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const url = $("image-input").value.trim();
    if (!url || !state.psid) return;
    $("image-input").value = "";
    act(() => api("POST", `/users/${state.psid}/messages`, { attachment: { type: "image", url } }), t("user.status.imageSent"));
  });
  $("delivered").addEventListener("click", () => act(() => api("POST", `/users/${state.psid}/delivered`), t("user.status.delivered")));
  $("read").addEventListener("click", () => act(() => api("POST", `/users/${state.psid}/read`), t("user.status.read")));
  $("inbox-take").addEventListener("click", () => act(() => api("POST", `/users/${state.psid}/inbox/take`, {}), t("user.status.inboxTook")));
  $("inbox-pass").addEventListener("click", () => act(() => api("POST", `/users/${state.psid}/inbox/pass`, {}), t("user.status.inboxPassed")));
  $("block").addEventListener("click", () => act(() => api("POST", `/users/${state.psid}/block`, { blocked: !(state.user && state.user.blocked) })));

  await choosePage(params.get("page") || (data[0] && data[0].id));
  // Arriving from an m.me/rn link: Messenger asks whether to get the topic's recurring notifications.
  if (params.has("rnTopic")) showRecurringPrompt(params.get("rnTopic"), params.get("rnCadence") || "");
  // Arriving from an m.me link: open the thread with its ref.
  else if (params.has("ref") || params.has("page")) {
    $("ref-input").value = params.get("ref") || "";
    await openLink(params.get("ref") || "");
  }
  document.body.dataset.ready = "true";
  setInterval(() => refresh().catch(() => {}), 700);
}

main().catch((error) => status(t("error", { message: error.message })));
