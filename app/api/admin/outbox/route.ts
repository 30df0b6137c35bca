import { errorResponse, json } from "@/lib/api/respond";
import { getSessionUser } from "@/lib/auth/session";
import { listOutbox } from "@/lib/services/outbox";

/**
 * The local mail outbox as JSON (`?to=<email>&limit=`), for instance owners signed in with a session cookie
 * (browser tests read verification and invitation links here). API keys and everyone else get 404.
 */
export async function GET(req: Request) {
  try {
    const query = Object.fromEntries(new URL(req.url).searchParams);
    return json({ data: await listOutbox({ user: await getSessionUser(), input: query }) });
  } catch (error) {
    return errorResponse(error);
  }
}
