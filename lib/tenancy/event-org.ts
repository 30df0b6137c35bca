import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, channels, contacts, organizations } from "@/db/schema";

/** The resources a workflow event names besides its organisation. */
export interface EventResources {
  campaignId?: string;
  channelId?: string;
  contactId?: string;
}

/**
 * Why an event's resources are not its organisation's (the organisation is gone, or a campaign, channel
 * or contact is another's or unknown), or null when they all are. An event is data from a queue: a
 * function re-checks it before acting, as a route handler re-checks a slug.
 */
export async function eventOrgMismatch(orgId: string, resources: EventResources = {}): Promise<string | null> {
  const db = await getDb();
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId));
  if (!org) return "organization not found";
  const owned = async (table: typeof campaigns | typeof channels | typeof contacts, id: string) => {
    const [row] = await db.select({ id: table.id }).from(table).where(and(eq(table.id, id), eq(table.orgId, orgId)));
    return Boolean(row);
  };
  if (resources.campaignId && !(await owned(campaigns, resources.campaignId))) return "campaign not in the event's organization";
  if (resources.channelId && !(await owned(channels, resources.channelId))) return "channel not in the event's organization";
  if (resources.contactId && !(await owned(contacts, resources.contactId))) return "contact not in the event's organization";
  return null;
}
