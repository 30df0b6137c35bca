import { appUrl } from "@/lib/app-url";
import { ForbiddenError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins the dashboard is served from, from configuration only (never from the request's Host). */
function ownOrigins(): Set<string> {
  const origins = new Set<string>();
  for (const url of [appUrl(), process.env.NEXTAUTH_URL]) {
    if (!url) continue;
    try {
      origins.add(new URL(url).origin);
    } catch {
      // A malformed setting allows nothing; same-origin requests still pass on Sec-Fetch-Site.
    }
  }
  return origins;
}

function hasBody(req: Request): boolean {
  const length = req.headers.get("content-length");
  return (length !== null && length !== "0") || req.headers.has("transfer-encoding") || req.headers.has("content-type");
}

/**
 * Cross-site request forgery guard for requests authenticated by the session cookie (API keys are not sent
 * by browsers on their own, so they need none). A write must come from the app's own pages: its `Origin`
 * is one of ours, or the browser says `Sec-Fetch-Site: same-origin`; a request with neither is refused.
 * A body must be JSON, which a cross-site HTML form cannot send without a CORS preflight we never answer.
 */
export function assertSameOriginWrite(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const origin = req.headers.get("origin");
  const sameOrigin = (origin !== null && ownOrigins().has(origin)) || req.headers.get("sec-fetch-site") === "same-origin";
  if (!sameOrigin) {
    throw new ForbiddenError("api.crossSite", { origin: origin ?? "missing" });
  }
  const mediaType = req.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (hasBody(req) && mediaType !== "application/json") {
    throw new ForbiddenError("api.jsonOnly", { mediaType: mediaType || "no content type" });
  }
}
