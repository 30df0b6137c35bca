/**
 * Graph API errors as Meta returns them, and how we treat each (platform-facts: Send API error codes).
 * One classification, used by channel checks, webhook processing and campaign sending alike.
 */
export type GraphErrorClass = "temporary" | "rate_limit" | "auth" | "outside_window" | "user_unavailable" | "invalid" | "other";

export class GraphError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: number,
    readonly subcode: number | undefined,
    readonly type: string | undefined,
    readonly fbtraceId: string | undefined,
  ) {
    super(message);
    this.name = "GraphError";
  }

  get errorClass(): GraphErrorClass {
    return classifyGraphError(this.code, this.subcode);
  }

  /** A short reason for logs and the dashboard: "(#551) This person isn't available right now." */
  get reason(): string {
    return `(#${this.code}${this.subcode ? `/${this.subcode}` : ""}) ${this.message}`;
  }
}

export function classifyGraphError(code: number, subcode?: number): GraphErrorClass {
  if (code === 1 || code === 2 || code === -1 || code === 1200) return "temporary";
  if (code === 4 || code === 17 || code === 32 || code === 613) return "rate_limit";
  if (code === 190 || code === 102) return "auth";
  if (code === 10 && (subcode === 2018278 || subcode === 2534022)) return "outside_window";
  if (code === 551) return "user_unavailable";
  if (code === 100) return "invalid";
  return "other";
}

/** A failure to reach Graph at all (DNS, refused connection, timeout): always worth retrying. */
export class GraphNetworkError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
    this.name = "GraphNetworkError";
  }
}
