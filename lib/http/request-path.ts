import type { NextRequest } from "next/server";

/** The request header proxy.ts sets to the path (and query) a page was asked for. */
export const REQUEST_PATH_HEADER = "x-md-request-path";

/** The page's path and query as the user asked for it, without Next's own RSC cache-busting parameter. */
export function requestPath(request: NextRequest): string {
  const search = new URLSearchParams(request.nextUrl.search);
  search.delete("_rsc");
  const query = search.toString();
  return `${request.nextUrl.pathname}${query ? `?${query}` : ""}`;
}

/**
 * The same page under another organisation slug: `/o/<from>/rest?q` becomes `/o/<to>/rest?q`. Anything that
 * does not start with `/o/<from>` (a missing or odd header) lands on the organisation's root instead.
 */
export function withOrgSlug(path: string | null, from: string, to: string): string {
  const prefix = `/o/${from}`;
  if (!path || !(path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`))) return `/o/${to}`;
  return `/o/${to}${path.slice(prefix.length)}`;
}
