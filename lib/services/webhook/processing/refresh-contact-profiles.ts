import { and, eq } from "drizzle-orm";
import { openPageToken } from "@/lib/services/channels";
import { getDb } from "@/db/client";
import { channels, contacts } from "@/db/schema";
import { GraphClient } from "@/lib/graph/client";
import { GraphError } from "@/lib/graph/errors";
import { flagReconnectNeeded, refusalOf } from "@/lib/services/channel-health";
import { recordChannelError } from "@/lib/services/channel-health";

/**
 * Fetches a contact's Messenger profile (name, picture, locale) once, and again when stale. Temporary Graph
 * failures throw so the workflow step retries; permanent ones are recorded and the contact stays nameless.
 */
export async function refreshContactProfile(orgId: string, contactId: string): Promise<{ fetched: boolean; reason?: string }> {
  const db = await getDb();
  const [row] = await db
    .select({ contact: contacts, channel: channels })
    .from(contacts)
    .innerJoin(channels, eq(channels.id, contacts.channelId))
    .where(and(eq(contacts.id, contactId), eq(contacts.orgId, orgId)));
  if (!row || row.channel.deletedAt || row.channel.status !== "active") return { fetched: false, reason: "channel not active" };
  const graph = new GraphClient({ version: row.channel.graphApiVersion });
  try {
    const profile = await graph.getUserProfile(row.contact.psid, openPageToken(row.channel));
    await db
      .update(contacts)
      .set({
        firstName: profile.first_name ?? null,
        lastName: profile.last_name ?? null,
        profilePic: profile.profile_pic ?? null,
        locale: profile.locale ?? null,
        profileFetchedAt: new Date(),
      })
      .where(eq(contacts.id, contactId));
    return { fetched: true };
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    if (error.errorClass === "temporary" || error.errorClass === "rate_limit") throw error;
    await recordChannelError(row.channel.orgId, row.channel.id, "send_api", `Profile of a contact: ${error.reason}`, error.code);
    if (error.errorClass === "auth") await flagReconnectNeeded(row.channel.id, refusalOf(error));
    await db.update(contacts).set({ profileFetchedAt: new Date() }).where(eq(contacts.id, contactId));
    return { fetched: false, reason: error.reason };
  }
}

/** Fetches several contacts' profiles, a few at a time (one workflow step for a whole batch of new contacts). */
export async function refreshContactProfiles(orgId: string, contactIds: string[], parallel = 8): Promise<{ fetched: number }> {
  let next = 0;
  let fetched = 0;
  const worker = async () => {
    while (next < contactIds.length) {
      const contactId = contactIds[next++];
      if ((await refreshContactProfile(orgId, contactId)).fetched) fetched++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, contactIds.length) }, worker));
  return { fetched };
}
