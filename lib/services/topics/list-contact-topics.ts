import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { listTopics } from "./list-topics";
import type { Topic } from "./schemas";

/** The topics a contact can be asked to subscribe to: the registered, offered topics of their Page. */
export async function listContactTopics({ ctx, contactId }: { ctx: OrgContext; contactId: string }): Promise<Topic[]> {
  requirePermission(ctx, "campaigns.manage");
  const db = await getDb();
  const [contact] = await db
    .select({ channelId: contacts.channelId })
    .from(contacts)
    .where(and(eq(contacts.orgId, ctx.org.id), eq(contacts.id, contactId)));
  if (!contact) throw new NotFoundError("topics.errors.contactNotFound");
  const topics = await listTopics({ ctx, query: { channelId: contact.channelId } });
  return topics.filter((t) => t.registration === "registered" && t.available);
}
