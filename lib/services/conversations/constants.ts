/**
 * Browser-safe values and pure rules of replying (no zod, no server imports): the composer words the same
 * limits and reasons the server enforces. Tested in constants.test.ts.
 */
import type { MessageKey } from "@/lib/i18n/translate";
import { replyWindow } from "./messaging-window";

/** Meta's Page Inbox, an app like any other under Conversation Routing (platform-facts). */
export const PAGE_INBOX_APP_ID = "263902037430900";
/** The thread owner when a standby event shows another app controls the thread, but not which one. */
export const UNKNOWN_APP_OWNER = "unknown";

/** Send API limits (platform-facts): text 2000 characters, 13 quick replies of at most 20 characters each. */
export const REPLY_TEXT_MAX = 2000;
export const QUICK_REPLIES_MAX = 13;
export const QUICK_REPLY_TITLE_MAX = 20;
export const QUICK_REPLY_PAYLOAD_MAX = 1000;

/** The typing indicator is sent at most once per this many milliseconds while an agent types. */
export const TYPING_THROTTLE_MS = 5_000;

const MB = 1024 * 1024;
/**
 * What a reply may carry. Meta accepts up to 25 MB per attachment; images are held to 8 MB (Messenger shows
 * them scaled down anyway, and a phone on mobile data downloads them). Only types Messenger shows inline or
 * offers as a download; anything else is refused before it reaches Meta.
 */
export const ATTACHMENT_RULES = [
  { type: "image", maxBytes: 8 * MB, contentTypes: ["image/jpeg", "image/png", "image/gif", "image/webp"] },
  { type: "video", maxBytes: 25 * MB, contentTypes: ["video/mp4", "video/quicktime"] },
  { type: "audio", maxBytes: 25 * MB, contentTypes: ["audio/mpeg", "audio/mp4", "audio/aac", "audio/ogg", "audio/wav", "audio/x-m4a"] },
  {
    type: "file",
    maxBytes: 25 * MB,
    contentTypes: [
      "application/pdf",
      "text/plain",
      "text/csv",
      "application/zip",
      "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.ms-excel",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.ms-powerpoint",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ],
  },
] as const;
export type AttachmentType = (typeof ATTACHMENT_RULES)[number]["type"];
/** The largest file any rule takes. */
export const MAX_ATTACHMENT_BYTES = 25 * MB;
export const ATTACHMENT_ACCEPT = ATTACHMENT_RULES.flatMap((r) => r.contentTypes).join(",");

/** Meta's attachment type for a file's content type, or null when replies may not carry it. */
export function attachmentTypeOf(contentType: string): AttachmentType | null {
  const bare = contentType.split(";")[0].trim().toLowerCase();
  return ATTACHMENT_RULES.find((r) => (r.contentTypes as readonly string[]).includes(bare))?.type ?? null;
}

/** Why a file may not be sent (a catalog key and its values), or null when it may. */
export function attachmentProblem(file: { size: number; contentType: string }): { key: MessageKey; vars: Record<string, string | number> } | null {
  const type = attachmentTypeOf(file.contentType);
  if (!type) return { key: "composer.attachment.typeRefused", vars: { type: file.contentType || "?" } };
  const rule = ATTACHMENT_RULES.find((r) => r.type === type)!;
  if (file.size === 0) return { key: "composer.attachment.empty", vars: {} };
  if (file.size > rule.maxBytes) return { key: "composer.attachment.tooLarge", vars: { max: rule.maxBytes / MB } };
  return null;
}

/** The first bytes of each image type replies may carry: a file called a photo must be one. */
const IMAGE_SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  "image/png": (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/gif": (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38,
  "image/webp": (b) => b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50,
};

/** False when a file declared as a photo does not start like one (Meta would refuse it after the upload). */
export function contentMatchesType(contentType: string, bytes: Uint8Array): boolean {
  const check = IMAGE_SIGNATURES[contentType.split(";")[0].trim().toLowerCase()];
  return check ? check(bytes) : true;
}

/** Meta's error code and subcode from a stored failure reason, "(#10/2018278) …". */
export function failureCodes(code: number | null, reason: string | null): { code: number | null; subcode: number | null } {
  const match = /^\(#(-?\d+)(?:\/(\d+))?\)/.exec(reason ?? "");
  return { code: code ?? (match ? Number(match[1]) : null), subcode: match?.[2] ? Number(match[2]) : null };
}

/** Meta's refusal of a send, in words (platform-facts: Send API errors). */
export function sendFailureKey(code: number | null, reason: string | null): MessageKey {
  const { code: c, subcode } = failureCodes(code, reason);
  if (c === null) return "composer.failure.unreachable";
  if (subcode === 2018300) return "composer.failure.otherApp";
  if (c === 10 && (subcode === 2018278 || subcode === 2534022)) return "composer.failure.window";
  if (c === 10 && subcode === 1893063) return "composer.failure.pageRestricted";
  if (c === 10) return "composer.failure.noPermission";
  if (c === 551) return "composer.failure.unavailable";
  if (c === 190 || c === 102) return "composer.failure.token";
  if (c === 4 || c === 17 || c === 32 || c === 613) return "composer.failure.rate";
  if (c === 1 || c === 2 || c === -1 || c === 1200) return "composer.failure.temporary";
  if (c === 100) return "composer.failure.invalid";
  return "composer.failure.other";
}

/** Who controls the thread, in words; null when our app does. */
export function threadOwnerKey(threadOwnerAppId: string | null): MessageKey | null {
  if (threadOwnerAppId === null) return null;
  if (threadOwnerAppId === PAGE_INBOX_APP_ID) return "composer.locked.pageInbox";
  if (threadOwnerAppId === UNKNOWN_APP_OWNER) return "composer.locked.unknownApp";
  return "composer.locked.otherApp";
}

/** What the composer needs to know to state the rule (ConversationDetail.reply). */
export interface ReplyState {
  /** The person's last message, postback, referral or opt-in (epoch ms); null when they never wrote. */
  lastInboundAt: number | null;
  humanAgentEnabled: boolean;
  channelUsable: boolean;
  /** Conversation Routing: the app controlling the thread when it is not ours. */
  threadOwnerAppId: string | null;
  /** An unused One-Time Notification token of this person, and its campaign. */
  otnCampaign: { id: string; name: string } | null;
}

export type ComposerRule =
  | { sendable: true; key: MessageKey; closesAt: number; tag: "HUMAN_AGENT" | null }
  | { sendable: false; key: MessageKey; closesAt?: number; vars?: Record<string, string>; otnCampaign?: { id: string; name: string } | null; locked?: boolean };

/**
 * The rule a reply written now by an agent goes out under, stated as the composer says it: Meta's windows
 * (messaging-window.ts), the channel, and who controls the thread. Never any tag but HUMAN_AGENT.
 */
export function composerRule(state: ReplyState, now: number): ComposerRule {
  const owner = threadOwnerKey(state.threadOwnerAppId);
  if (owner) return { sendable: false, key: owner, vars: { app: state.threadOwnerAppId ?? "" }, locked: true };
  if (!state.channelUsable) return { sendable: false, key: "composer.rule.channelUnavailable" };
  const window = replyWindow({ lastInboundAt: state.lastInboundAt, now, humanAgentEnabled: state.humanAgentEnabled, sentByPerson: true });
  switch (window.state) {
    case "open":
      return { sendable: true, key: "composer.rule.response", closesAt: window.closesAt, tag: null };
    case "human_agent":
      return { sendable: true, key: "composer.rule.humanAgent", closesAt: window.closesAt, tag: "HUMAN_AGENT" };
    case "needs_human_agent":
      return { sendable: false, key: "composer.rule.noPermission", closesAt: window.closesAt };
    case "closed":
      if (window.reason === "never_wrote") return { sendable: false, key: "composer.rule.neverWrote" };
      return { sendable: false, key: state.otnCampaign ? "composer.rule.expiredOtn" : "composer.rule.expired", otnCampaign: state.otnCampaign };
  }
}

/**
 * The inbox's views: `mine` (assigned to me), `unassigned` (the queue: open, nobody's, in the skill groups I may
 * claim from; every queue for members with `conversations.assign`) and `all` (everything I may see).
 */
export const CONVERSATION_VIEWS = ["mine", "unassigned", "all"] as const;
export type ConversationView = (typeof CONVERSATION_VIEWS)[number];

export const CONVERSATION_STATUSES = ["open", "pending", "resolved"] as const;
export type ConversationStatusValue = (typeof CONVERSATION_STATUSES)[number];

/** The assignee filter's words besides a member id: the actor, or nobody. */
export const ASSIGNEE_ME = "me";
export const ASSIGNEE_NONE = "none";

/** The longest search the inbox takes (characters). */
export const CONVERSATION_SEARCH_MAX = 100;

/** Mentions in notes: the note composer and the thread use them. */
export * from "./mentions";
