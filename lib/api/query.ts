import type { NextRequest } from "next/server";
import type { z } from "zod";
import { parseInput } from "@/lib/validation";

/**
 * Parses the query string with a shared zod schema (422 with per-field messages on bad values).
 * Empty parameters (`?cursor=`) count as absent, as clients that build URLs from templates send them.
 */
export function readQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.infer<S> {
  const query: Record<string, string> = {};
  for (const [key, value] of req.nextUrl.searchParams) if (value !== "") query[key] = value;
  return parseInput(schema, query);
}
