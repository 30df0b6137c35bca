import { ValidationError } from "@/lib/errors";
import { GraphClient } from "@/lib/graph/client";
import { GraphError } from "@/lib/graph/errors";

/**
 * One message for every reason a Page cannot be connected (a token of another Page, a refused token, a Page
 * already connected in any organisation), so the answer never tells whether another organisation has it.
 */
export function cannotConnectPage(): never {
  throw ValidationError.forField("pageAccessToken", "channels.errors.cannotConnectPage");
}

/**
 * Proves that a Page access token belongs to `pageId`, the way Meta answers it: Graph `/me` with a Page token
 * is that Page. Anyone can type a Page id; only someone who manages the Page can have its token.
 */
export async function provePageOwnership(input: { pageId: string; pageAccessToken: string; graphApiVersion: string }): Promise<void> {
  const graph = new GraphClient({ version: input.graphApiVersion });
  let page: { id?: unknown };
  try {
    page = await graph.getTokenPage(input.pageAccessToken);
  } catch (error) {
    if (error instanceof GraphError) cannotConnectPage();
    throw ValidationError.forField("pageAccessToken", "channels.errors.graphUnreachable");
  }
  if (String(page.id ?? "") !== input.pageId) cannotConnectPage();
}
