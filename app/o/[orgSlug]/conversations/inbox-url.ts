import { ASSIGNEE_ME, ASSIGNEE_NONE, CONVERSATION_SEARCH_MAX, CONVERSATION_STATUSES, CONVERSATION_VIEWS, type ConversationStatusValue, type ConversationView } from "@/lib/services/conversations/constants";

/** The inbox's state as the URL holds it, so a reload or a shared link opens the same view. "" is "any". */
export interface InboxUrlState {
  view: ConversationView;
  status: ConversationStatusValue | "";
  channelId: string;
  skillGroupId: string;
  assignee: string;
  labelId: string;
  q: string;
}

export const EMPTY_INBOX_STATE: InboxUrlState = { view: "all", status: "", channelId: "", skillGroupId: "", assignee: "", labelId: "", q: "" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type SearchParams = Record<string, string | string[] | undefined>;

function first(params: SearchParams, name: string): string {
  const value = params[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/**
 * Reads the inbox's state from the page's searchParams. A value the inbox would refuse (an unknown view, a
 * malformed id) is dropped rather than shown as an error: a stale link still opens the inbox. The view
 * defaults to `fallbackView` (Mine for agents, All for everyone else).
 */
export function readInboxState(params: SearchParams, fallbackView: ConversationView = "all"): InboxUrlState {
  const view = first(params, "view");
  const status = first(params, "status");
  const id = (name: string) => (UUID.test(first(params, name)) ? first(params, name).toLowerCase() : "");
  const assignee = first(params, "assignee");
  return {
    view: (CONVERSATION_VIEWS as readonly string[]).includes(view) ? (view as ConversationView) : fallbackView,
    status: (CONVERSATION_STATUSES as readonly string[]).includes(status) ? (status as ConversationStatusValue) : "",
    channelId: id("channel"),
    skillGroupId: id("group"),
    assignee: assignee === ASSIGNEE_ME || assignee === ASSIGNEE_NONE ? assignee : id("assignee"),
    labelId: id("label"),
    q: first(params, "q").trim().slice(0, CONVERSATION_SEARCH_MAX),
  };
}

/** The query string of a state (only what differs from "any"; the view always, so a link keeps it). */
export function inboxQueryString(state: InboxUrlState): string {
  const params = new URLSearchParams();
  params.set("view", state.view);
  const pairs: [string, string][] = [
    ["status", state.status],
    ["channel", state.channelId],
    ["group", state.skillGroupId],
    ["assignee", state.assignee],
    ["label", state.labelId],
    ["q", state.q],
  ];
  for (const [name, value] of pairs) if (value) params.set(name, value);
  return params.toString();
}

/** The service's filters for a state ("" → not filtered). */
export function inboxFilters(state: InboxUrlState) {
  return {
    status: state.status || undefined,
    channelId: state.channelId || undefined,
    skillGroupId: state.skillGroupId || undefined,
    assigneeMembershipId: state.assignee || undefined,
    labelId: state.labelId || undefined,
    q: state.q || undefined,
  };
}

/** Whether anything narrows the view (for the empty state's wording and the "clear" button). */
export function isFiltered(state: InboxUrlState): boolean {
  return Boolean(state.status || state.channelId || state.skillGroupId || state.assignee || state.labelId || state.q);
}
