import { listAllChannels } from "../channels/queries";
import { listSegments } from "@/lib/services/segments";
import { can, type OrgContext } from "@/lib/tenancy/context";

/** The organisation's channels as form and filter options (campaigns need only a name and an id). */
export async function channelOptions(ctx: OrgContext): Promise<{ id: string; name: string }[]> {
  const channels = await listAllChannels(ctx);
  return channels.map((c) => ({ id: c.id, name: c.name }));
}

/** The segments a campaign can be sent to (none for a member who may not read them: everyone subscribed only). */
export async function segmentOptions(ctx: OrgContext): Promise<{ id: string; name: string; contactCount: number }[]> {
  if (!can(ctx, "segments.read")) return [];
  return (await listSegments({ ctx })).map((s) => ({ id: s.id, name: s.name, contactCount: s.contactCount }));
}
