import type { BadgeTone } from "@/components/ui/badge";

/** How much of a step's output or error is sent to the browser. */
export const PREVIEW_BYTES = 4096;
/** Runs per page of the list. */
export const PAGE_SIZE = 25;

export interface JsonPreview {
  text: string;
  truncated: boolean;
  /** Size of the whole pretty-printed value, in bytes. */
  totalBytes: number;
}

/** Pretty JSON of a value, cut to `limit` bytes (on the server, so large outputs never reach the page). */
export function jsonPreview(value: unknown, limit = PREVIEW_BYTES): JsonPreview | null {
  if (value === null || value === undefined) return null;
  let text: string;
  try {
    text = typeof value === "string" ? value : (JSON.stringify(value, null, 2) ?? String(value));
  } catch {
    text = String(value);
  }
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= limit) return { text, truncated: false, totalBytes: bytes.length };
  // Drop a partial multi-byte character at the cut.
  return { text: new TextDecoder().decode(bytes.subarray(0, limit)).replace(/\uFFFD$/, ""), truncated: true, totalBytes: bytes.length };
}

export function durationBetween(startIso: string, endIso: string | null): number | null {
  return endIso ? new Date(endIso).getTime() - new Date(startIso).getTime() : null;
}

export const STATUS_TONES: Record<string, BadgeTone> = {
  queued: "neutral",
  running: "accent",
  waiting: "warning",
  sleeping: "warning",
  completed: "success",
  failed: "danger",
  cancelled: "neutral",
};
