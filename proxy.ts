import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER, requestPath } from "@/lib/http/request-path";
import { pageContentSecurityPolicy, pagePictureOrigins, previewsRemoteImages, STRICT_TRANSPORT_SECURITY } from "@/lib/security/headers";

/**
 * Per-request security headers for pages: a CSP whose script nonce Next reads from the request's
 * Content-Security-Policy header and puts on its own scripts (node_modules/next/dist/docs/01-app/02-guides/
 * content-security-policy.md), and HSTS when served over https in production. The static headers
 * (nosniff, Referrer-Policy, ...) and the API routes' CSP come from next.config.mjs.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const policy = pageContentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
    https,
    remoteImages: previewsRemoteImages(request.nextUrl.pathname),
    imageOrigins: pagePictureOrigins(request.nextUrl.pathname, process.env.GRAPH_API_URL),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  // The path asked for, for pages that need more than their params: an organisation's old slug redirects to
  // the same page under its new slug (app/o/[orgSlug]/org-page.ts). Always ours, never the client's.
  requestHeaders.set(REQUEST_PATH_HEADER, requestPath(request));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https && process.env.NODE_ENV === "production") response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API routes, the webhook (both URLs, rewritten to /api), Next's static files and the icon
      // get their headers from next.config.mjs without a per-request nonce.
      source: "/((?!api/|facebook/webhook(?:/|$)|_next/static/|_next/image|icon.svg|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
