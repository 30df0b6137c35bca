import type { Permission } from "@/lib/permissions";
import { can } from "@/lib/tenancy/context";
import { orgPageContext } from "../org-page";

/**
 * Settings pages are for owners and admins ("settings.view") and each needs its own permission as well.
 * Pages check this themselves (layouts are not re-run on client navigation) and show NoAccess when refused.
 */
export async function settingsPageContext(orgSlug: string, permission?: Permission) {
  const { user, ctx } = await orgPageContext(orgSlug);
  const allowed = can(ctx, "settings.view") && (!permission || can(ctx, permission));
  return { user, ctx, allowed };
}
