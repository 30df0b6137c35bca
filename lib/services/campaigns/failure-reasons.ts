import type { MessageKey } from "@/lib/i18n/translate";

/**
 * A send failure in a marketer's words: Meta's error code (and subcode, kept in the stored reason as
 * "(#code/subcode) message", see GraphError.reason) mapped to a catalog key, with the code shown beside it
 * ("This person has blocked the Page… (Meta code 551)") and Meta's own message kept for a tooltip.
 * Browser-safe (no server code): the campaign page and the recipient log render it.
 */
export interface FailureExplanation {
  key: MessageKey;
  /** "551", "10/2018278", or null when Meta never answered. */
  metaCode: string | null;
  /** Meta's message without the "(#code)" prefix, or our own note (network failures); null when none. */
  metaMessage: string | null;
}

const REASON_PREFIX = /^\(#(-?\d+)(?:\/(\d+))?\)\s*/;

export function explainFailure(code: number | null, reason: string | null): FailureExplanation {
  const prefix = reason ? REASON_PREFIX.exec(reason) : null;
  const subcode = prefix?.[2] ? Number(prefix[2]) : null;
  const metaMessage = reason ? reason.replace(REASON_PREFIX, "") || null : null;
  const metaCode = code === null ? null : subcode ? `${code}/${subcode}` : String(code);
  return { key: failureKey(code, subcode, metaMessage ?? ""), metaCode, metaMessage };
}

function failureKey(code: number | null, subcode: number | null, message: string): MessageKey {
  if (code === null) return /unreachable/i.test(message) ? "campaigns.failure.unreachable" : "campaigns.failure.other";
  if (subcode === 2018300) return "campaigns.failure.otherApp";
  switch (code) {
    case 551:
      return "campaigns.failure.userUnavailable";
    case 190:
    case 102:
      return "campaigns.failure.accessRevoked";
    case 4:
    case 17:
    case 32:
    case 613:
      return "campaigns.failure.rateLimited";
    case 1:
    case 2:
    case -1:
    case 1200:
      return "campaigns.failure.temporary";
    case 10:
      if (subcode === 2018278 || subcode === 2534022) return "campaigns.failure.outsideWindow";
      if (subcode === 1893063) return "campaigns.failure.pageRestricted";
      return "campaigns.failure.permission";
    case 100:
      if (subcode === 2018001) return "campaigns.failure.userNotFound";
      if (/token|already been used/i.test(message)) return "campaigns.failure.tokenInvalid";
      return "campaigns.failure.invalid";
    default:
      // 200–299: the Graph API's permission errors (OTN permission missing, pages_messaging not granted).
      return code >= 200 && code <= 299 ? "campaigns.failure.permission" : "campaigns.failure.other";
  }
}
