import type { NextRequest } from "next/server";
import { z } from "zod";
import { BadRequestError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

/** What an operation without query parameters accepts: nothing. */
export const NO_QUERY = z.object({});

/**
 * Parses the query string with the operation's zod schema, the very one the OpenAPI document publishes.
 * A parameter the schema does not declare is refused (400), not ignored: a typo (`?statu=sent`) would
 * otherwise answer an unfiltered list that looks right. Bad values answer 422 with per-field messages.
 * Empty parameters (`?cursor=`) count as absent, as clients that build URLs from templates send them.
 * `sessionOrg`: the dashboard's session names its organisation with `?org=` (with-org.ts), so that one
 * name is the transport's, not the operation's; an API key never needs it.
 */
export function parseQuery<S extends z.ZodObject>(req: NextRequest, schema: S, { sessionOrg }: { sessionOrg: boolean }): z.infer<S> {
  const declared = Object.keys(schema.shape);
  const query: Record<string, string> = {};
  for (const [key, value] of req.nextUrl.searchParams) {
    if (sessionOrg && key === "org") continue;
    if (!declared.includes(key)) {
      if (declared.length === 0) throw new BadRequestError("api.noQueryParameters", { name: key });
      throw new BadRequestError("api.unknownQueryParameter", { name: key, accepted: declared.join(", ") });
    }
    if (value !== "") query[key] = value;
  }
  return parseInput(schema, query);
}
