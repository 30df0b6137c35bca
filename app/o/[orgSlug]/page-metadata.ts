import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/page-title";
import type { MessageKey } from "@/lib/i18n/translate";
import type { Permission } from "@/lib/permissions";
import { can, type OrgContext } from "@/lib/tenancy/context";
import { orgPageContext } from "./org-page";

/** A page's title from catalog keys, most specific first: sectionMetadata("settings.nav.members", "nav.settings"). */
export async function sectionMetadata(...keys: MessageKey[]): Promise<Metadata> {
  const { t } = await getT();
  return { title: pageTitle(...keys.map((key) => t(key))) };
}

/**
 * The title of a page about one thing: its name (after `action`, e.g. "Edit"), then its sections, as
 * "Spring sale · Campaigns". Without the permission, or when the read fails (a foreign or malformed id: the
 * page shows the 404), the sections alone, so a title never tells more than the page.
 */
export async function namedMetadata(
  orgSlug: string,
  permission: Permission,
  readName: (ctx: OrgContext) => Promise<string | null>,
  sections: MessageKey[],
  action?: MessageKey,
): Promise<Metadata> {
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  const name = can(ctx, permission) ? await readName(ctx).catch(() => null) : null;
  return { title: pageTitle(name && action ? t(action) : null, name, ...sections.map((key) => t(key))) };
}
