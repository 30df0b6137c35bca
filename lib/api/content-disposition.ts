/**
 * `Content-Disposition: attachment` for a download named after what it holds (a campaign's name), RFC 6266:
 * `filename*` carries the UTF-8 name (Chinese included) for every current browser; `filename` is an ASCII
 * fallback for older clients and tools such as curl -J. Characters no file system accepts become "-".
 */
export function attachmentDisposition(name: string, suffix: string): string {
  const base = safeFileName(name) || "campaign";
  const full = `${base}${suffix}`;
  const ascii = safeFileName(base.normalize("NFKD").replace(/[^\x20-\x7e]/g, "")) || "campaign";
  return `attachment; filename="${ascii}${suffix}"; filename*=UTF-8''${encodeRfc5987(full)}`;
}

/** Drops path separators, reserved and control characters; collapses spaces; at most 100 characters. */
function safeFileName(name: string): string {
  return name
    .replace(/[\u0000-\u001f\u007f"*/:<>?\\|]+/g, "-")
    .replace(/\s+/g, " ")
    .replace(/^[\s.-]+|[\s.-]+$/g, "")
    .slice(0, 100)
    .trim();
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
