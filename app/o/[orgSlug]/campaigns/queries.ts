import { listAllChannels } from "../channels/queries";
import type { OrgContext } from "@/lib/tenancy/context";

/** The organisation's channels as form and filter options (campaigns need only a name and an id). */
export async function channelOptions(ctx: OrgContext): Promise<{ id: string; name: string }[]> {
  const channels = await listAllChannels(ctx);
  return channels.map((c) => ({ id: c.id, name: c.name }));
}
