import type { NextRequest } from "next/server";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { NO_QUERY, parseQuery } from "@/lib/api/query";
import { errorResponse, json } from "@/lib/api/respond";

// Public on purpose: the document holds no tenant data, and integrators read it before they have a key.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export async function GET(req: NextRequest): Promise<Response> {
  try {
    // It declares no query parameters, so like every operation it takes none.
    parseQuery(req, NO_QUERY, { sessionOrg: false });
  } catch (error) {
    return errorResponse(error);
  }
  document ??= buildOpenApiDocument();
  return json(document);
}
