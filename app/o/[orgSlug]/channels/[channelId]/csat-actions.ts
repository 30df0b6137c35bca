"use server";

import { updateCsatSettings, type CsatSettingsInput } from "@/lib/services/csat";
import { orgAction } from "@/lib/tenancy/action";

/** The channel page's satisfaction survey section: saves the setting (owners and admins). */
export async function saveCsatSettingsAction(orgSlug: string, channelId: string, input: CsatSettingsInput) {
  return orgAction(orgSlug, "csat.manage", (ctx) => updateCsatSettings({ ctx, channelId, input }));
}
