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

export function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null || ms < 0) return "—";
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 2 : 1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
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
