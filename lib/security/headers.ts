/**
 * The page Content-Security-Policy, built per request by proxy.ts with a fresh nonce that Next reads back and
 * puts on its own scripts. The headers that are the same on every path (nosniff, Referrer-Policy, the API
 * routes' CSP, ...) are in next.config.mjs.
 */

/** One year, the value the HSTS preload list asks for. Only over https: on http a browser ignores it anyway. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

export interface PagePolicyOptions {
  nonce: string;
  /** `next dev`: React's debugging needs eval, and hot reload a websocket. */
  development: boolean;
  /** Served over https: upgrade any stray http subresource (on http://127.0.0.1 that would break every asset). */
  https: boolean;
  /**
   * Campaign pages preview images that marketers of the organisation chose (any https host). Conversations
   * never do: Messenger users' images come through /api/media.
   */
  remoteImages: boolean;
  /** Further image origins (the Facebook Page picker shows Pages' pictures from Meta's CDN or the sandbox). */
  imageOrigins?: string[];
}

export function pageContentSecurityPolicy({ nonce, development, https, remoteImages, imageOrigins = [] }: PagePolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // React writes style attributes (progress bars); no nonce here, since a nonce would turn 'unsafe-inline' off.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${remoteImages ? " https:" : ""}${imageOrigins.map((o) => ` ${o}`).join("")}`,
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** True for the dashboard's campaign pages, where marketer-chosen image URLs are previewed. */
export function previewsRemoteImages(pathname: string): boolean {
  return /^\/o\/[^/]+\/campaigns(\/|$)/.test(pathname);
}

/**
 * The Page picker after "Connect with Facebook" shows each Page's picture where Graph says it is: Meta's CDN
 * (https, hosts vary), or the sandbox's origin when GRAPH_API_URL points at it. Other pages allow neither.
 */
export function pagePictureOrigins(pathname: string, graphApiUrl: string | undefined): string[] {
  if (!/^\/o\/[^/]+\/channels\/connect\//.test(pathname)) return [];
  const origins = ["https:"];
  if (graphApiUrl) {
    try {
      origins.push(new URL(graphApiUrl).origin);
    } catch {
      // A malformed GRAPH_API_URL breaks Graph calls anyway; the picture just does not show.
    }
  }
  return origins;
}
