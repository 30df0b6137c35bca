import Link from "next/link";
import type { ReactNode } from "react";
import { LiveEventsProvider } from "@/components/query/live-events";
import { QueryProvider } from "@/components/query/query-provider";
import { MainNav, type NavSection } from "@/components/shell/nav";
import { NotificationBell } from "@/components/shell/notification-bell";
import { PresenceControl } from "@/components/shell/presence-control";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { MAIN_ID, SkipLink } from "@/components/shell/skip-link";
import { UserMenu } from "@/components/shell/user-menu";
import { Alert } from "@/components/ui/alert";
import { Logo } from "@/components/ui/icons";
import { TimeZoneProvider } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { Permission } from "@/lib/permissions";
import { countMyUnreadNotifications } from "@/lib/services/notifications";
import { listUserOrganizations } from "@/lib/services/organizations";
import { getMyPresence } from "@/lib/services/routing";
import { can } from "@/lib/tenancy/context";
import { isInstanceOwner } from "@/lib/tenancy/instance-owner";
import { orgPageContext } from "./org-page";
import { listMyNotificationsAction, markNotificationsReadAction, recordActivityAction, setPresenceAction } from "./shell-actions";

const SECTIONS: [NavSection, Permission][] = [
  ["channels", "channels.read"],
  ["campaigns", "campaigns.read"],
  ["audiences", "segments.read"],
  ["conversations", "conversations.read"],
  ["bot", "faqs.read"],
  ["reports", "reports.read"],
  ["settings", "settings.view"],
];

export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const [{ user, ctx }, { t, locale }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  const orgTimeZone = ctx.org.timeZone ?? "UTC";
  const [orgs, instanceOwner] = await Promise.all([listUserOrganizations(user.id), isInstanceOwner(user.id)]);
  const sections = SECTIONS.filter(([, permission]) => can(ctx, permission)).map(([section]) => section);
  const options = orgs.map((o) => ({ slug: o.slug, name: o.name, role: o.role, color: o.color, pendingDeletion: o.deleteAfter !== null }));
  // The desk's part of the top bar: the bell for members who read conversations, presence for those who answer them (in a skill group).
  const [unread, presence] = ctx.membershipId && can(ctx, "conversations.read") ? await Promise.all([countMyUnreadNotifications({ ctx }), getMyPresence({ ctx })]) : [null, null];
  const answers = presence !== null && presence.skillGroupIds.length > 0 && can(ctx, "conversations.reply");
  const current = options.find((o) => o.slug === ctx.org.slug) ?? { slug: ctx.org.slug, name: ctx.org.name, role: ctx.role, color: null, pendingDeletion: false };
  return (
    <div className="flex min-h-dvh">
      <SkipLink label={t("shell.skipToContent")} />
      <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col border-r border-zinc-200 bg-zinc-100/60 md:flex print:hidden">
        <Link href={`/o/${ctx.org.slug}`} className="flex h-14 items-center gap-2 px-4 text-sm font-semibold text-zinc-900">
          <Logo className="size-6" />
          {t("app.name")}
        </Link>
        <div className="flex-1 overflow-y-auto px-3 py-2">
          <MainNav orgSlug={ctx.org.slug} sections={sections} orientation="vertical" />
        </div>
      </aside>
      <TimeZoneProvider timeZone={orgTimeZone}>
        <QueryProvider>
          <LiveEventsProvider orgSlug={ctx.org.slug}>
            <div className="flex min-w-0 flex-1 flex-col">
              <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/85 backdrop-blur print:hidden">
                <div className="flex h-14 items-center justify-between gap-3 px-4 sm:px-6">
                  <div className="flex min-w-0 items-center gap-2">
                    <Logo className="size-6 shrink-0 md:hidden" />
                    <OrgSwitcher current={current} orgs={options} />
                  </div>
                  <div className="flex shrink-0 items-center gap-2">
                    {answers && <PresenceControl orgSlug={ctx.org.slug} initial={presence.status} setPresence={setPresenceAction} heartbeat={recordActivityAction} />}
                    {unread !== null && ctx.membershipId && (
                      <NotificationBell orgSlug={ctx.org.slug} membershipId={ctx.membershipId} initialUnread={unread} load={listMyNotificationsAction} markRead={markNotificationsReadAction} />
                    )}
                    <UserMenu name={user.name} email={user.email} instanceOwner={instanceOwner} />
                  </div>
                </div>
                <div className="border-t border-zinc-100 px-3 py-2 md:hidden">
                  <MainNav orgSlug={ctx.org.slug} sections={sections} orientation="horizontal" />
                </div>
              </header>
              <main id={MAIN_ID} tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 outline-none sm:px-8">
                {ctx.org.deleteAfter ? (
                  // Only owners reach an organisation scheduled for deletion; this tells them why nothing else works.
                  <Alert tone="warning" className="mb-6">
                    <p className="font-medium" data-testid="pending-deletion">
                      {t("orgSettings.pending.title")}
                    </p>
                    <p>{t("orgSettings.pending.body", { name: ctx.org.name, date: formatDateTime(ctx.org.deleteAfter, locale, { timeZone: orgTimeZone }) })}</p>
                    <Link href={`/o/${ctx.org.slug}/settings/general`} className="font-medium underline">
                      {t("orgSettings.pending.restore")}
                    </Link>
                  </Alert>
                ) : null}
                {children}
              </main>
            </div>
          </LiveEventsProvider>
        </QueryProvider>
      </TimeZoneProvider>
    </div>
  );
}
