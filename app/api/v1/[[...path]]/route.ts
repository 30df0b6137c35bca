import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/respond";
import { NotFoundError } from "@/lib/errors";

/**
 * Every /api/v1 path that no operation has: the API's JSON error shape with 404, where Next would answer
 * its HTML page. The App Router prefers any static or dynamic route to a catch-all, so this shadows none.
 * It reads nothing and writes nothing, for anyone, signed in or not; a known path with a method it lacks
 * still answers 405 from Next.
 */
function notFound(req: NextRequest): Response {
  return errorResponse(new NotFoundError("api.notFound", { method: req.method, path: req.nextUrl.pathname }));
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
