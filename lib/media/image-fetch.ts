import { graphBaseUrl } from "@/lib/graph/client";

/**
 * Images Messenger users send are loaded by the app, never by agents' browsers: a URL in a webhook event is
 * chosen by whoever wrote to the Page, and an <img> pointing at it tells that person each agent's IP address
 * and when the conversation was read (a tracking pixel). The app fetches only from Meta's CDN (or the
 * sandbox the app is configured to talk to), so it cannot be turned against other hosts either.
 */

/** Meta's attachment hosts: scontent-*.xx.fbcdn.net, and lookaside.fbsbx.com / cdn.fbsbx.com (which redirect to fbcdn). */
const META_CDN_DOMAINS = ["fbcdn.net", "fbsbx.com"];
const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp", "image/avif", "image/bmp"]);
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
const TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 3;

export class RefusedImageError extends Error {}

/**
 * The origin of a Graph API stand-in (the sandbox), when GRAPH_API_URL names one: the operator chose it, and
 * that is where its attachment URLs point. Against Meta (no GRAPH_API_URL), none.
 */
function sandboxOrigin(): string | null {
  const base = new URL(graphBaseUrl());
  return base.hostname === "graph.facebook.com" ? null : base.origin;
}

/** Why `url` may not be fetched, or null when it may. */
export function refusalOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "The image address is not a URL.";
  }
  if (parsed.username || parsed.password) return "The image address carries credentials.";
  if (parsed.origin === sandboxOrigin()) return null;
  if (parsed.protocol !== "https:" || parsed.port !== "") return "Images are loaded over https only.";
  const host = parsed.hostname.toLowerCase();
  if (META_CDN_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`))) return null;
  return "The image is not hosted on Meta's CDN, so it is not loaded.";
}

export interface FetchedImage {
  contentType: string;
  body: Uint8Array;
}

/**
 * Fetches an image with every guard: allowed hosts on every hop (redirects are followed by hand, at most 3),
 * an image content type (no SVG: it can carry script), a size cap while reading, and a timeout.
 */
export async function fetchImage(url: string, options: { maxBytes?: number; timeoutMs?: number } = {}): Promise<FetchedImage> {
  const maxBytes = options.maxBytes ?? MAX_IMAGE_BYTES;
  const signal = AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS);
  let current = url;
  for (let hop = 0; ; hop++) {
    const refusal = refusalOf(current);
    if (refusal) throw new RefusedImageError(refusal);
    let res: Response;
    try {
      res = await fetch(current, { redirect: "manual", signal, headers: { accept: [...IMAGE_TYPES].join(", ") } });
    } catch {
      throw new RefusedImageError(signal.aborted ? "The image took too long to load." : "The image could not be loaded.");
    }
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel();
      const location = res.headers.get("location");
      if (!location || hop >= MAX_REDIRECTS) throw new RefusedImageError("The image address redirects too often.");
      current = new URL(location, current).toString();
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new RefusedImageError(`The image host answered ${res.status}.`);
    }
    const contentType = (res.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (!IMAGE_TYPES.has(contentType)) {
      await res.body?.cancel();
      throw new RefusedImageError("The address does not hold an image.");
    }
    return { contentType, body: await readCapped(res, maxBytes, signal) };
  }
}

async function readCapped(res: Response, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  if (Number(res.headers.get("content-length") ?? 0) > maxBytes) {
    await res.body?.cancel();
    throw new RefusedImageError("The image is too large.");
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body!.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new RefusedImageError("The image is too large.");
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof RefusedImageError) throw error;
    throw new RefusedImageError(signal.aborted ? "The image took too long to load." : "The image could not be loaded.");
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
