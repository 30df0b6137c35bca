import type { BotTab } from "@/components/shell/bot-tabs";
import type { Permission } from "@/lib/permissions";
import { can, type OrgContext } from "@/lib/tenancy/context";

/** What each tab of the Bot section needs: members who may read FAQs see the section, admins the rest. */
export const BOT_TAB_PERMISSIONS: Record<BotTab, Permission> = {
  faqs: "faqs.read",
  settings: "bot.manage",
  connectors: "bot.manage",
  analytics: "bot.analytics",
};

export function botTabsFor(ctx: OrgContext): BotTab[] {
  return (Object.keys(BOT_TAB_PERMISSIONS) as BotTab[]).filter((tab) => can(ctx, BOT_TAB_PERMISSIONS[tab]));
}
