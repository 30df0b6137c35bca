import { getDb } from "@/db/client";
import type { OrgContext } from "@/lib/tenancy/context";
import { getOrganizationRow, toOrganizationSettings } from "./queries";
import type { OrganizationSettings } from "./schemas";

/** The organisation's settings. Any member may read them: the time zone and language shape every page. */
export async function getOrganizationSettings({ ctx }: { ctx: OrgContext }): Promise<OrganizationSettings> {
  const db = await getDb();
  return toOrganizationSettings(await getOrganizationRow(db, ctx.org.id));
}
