import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/shell/no-access";
import { Card, Stat } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { DomainError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { translateMessage } from "@/lib/i18n/translate";
import { getBotAnalytics, type BotAnalytics } from "@/lib/services/bot-analytics";
import { can } from "@/lib/tenancy/context";
import { orgPageContext } from "../../org-page";
import { sectionMetadata } from "../../page-metadata";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("botAnalytics.title", "botConnectors.section");
}

const day = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);

/** Bot → Analytics: one read of bot_events for the chosen days; the date form is a plain GET, no client code. */
export default async function BotAnalyticsPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ orgSlug }, query, { t, locale }] = await Promise.all([params, searchParams, getT()]);
  const { ctx } = await orgPageContext(orgSlug);
  if (!can(ctx, "bot.analytics")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  let report: BotAnalytics;
  let refused: string | null = null;
  try {
    report = await getBotAnalytics({ ctx, input: { from: day(query.from), to: day(query.to) } });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    refused = translateMessage(error.localizable, locale);
    report = await getBotAnalytics({ ctx });
  }
  const totals: [keyof BotAnalytics["totals"], Parameters<typeof t>[0]][] = [
    ["answered", "botAnalytics.total.answered"],
    ["suggested", "botAnalytics.total.suggested"],
    ["unanswered", "botAnalytics.total.unanswered"],
    ["helpful", "botAnalytics.total.helpful"],
    ["unhelpful", "botAnalytics.total.unhelpful"],
    ["handovers", "botAnalytics.total.handovers"],
    ["messagesTaken", "botAnalytics.total.messagesTaken"],
  ];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-2xl text-sm text-zinc-500">{t("botAnalytics.description")}</p>
        <form method="get" className="flex flex-wrap items-end gap-2">
          <label className="text-xs text-zinc-600">
            {t("botAnalytics.from")}
            <Input type="date" name="from" defaultValue={report.range.from} className="mt-1" />
          </label>
          <label className="text-xs text-zinc-600">
            {t("botAnalytics.to")}
            <Input type="date" name="to" defaultValue={report.range.to} className="mt-1" />
          </label>
          <button type="submit" className="h-9 rounded-lg bg-zinc-900 px-3 text-sm font-medium text-white hover:bg-zinc-700">
            {t("botAnalytics.apply")}
          </button>
        </form>
      </div>
      {refused && (
        <p role="alert" className="text-sm text-red-700">
          {refused}
        </p>
      )}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7" data-testid="bot-analytics-totals">
        {totals.map(([key, label]) => (
          <Stat key={key} variant="tile" label={t(label)} testId={`bot-total-${key}`}>
            {report.totals[key]}
          </Stat>
        ))}
      </div>
      <Card title={t("botAnalytics.unanswered.title")} testId="bot-unanswered">
        {report.unanswered.length === 0 ? (
          <p className="text-sm text-zinc-500">{t("botAnalytics.unanswered.empty")}</p>
        ) : (
          <Table label={t("botAnalytics.unanswered.title")}>
            <THead>
              <TH>{t("botAnalytics.unanswered.question")}</TH>
              <TH className="w-24">{t("botAnalytics.unanswered.count")}</TH>
              <TH className="hidden md:table-cell">{t("botAnalytics.unanswered.last")}</TH>
              <TH className="w-48">
                <span className="sr-only">{t("common.actions")}</span>
              </TH>
            </THead>
            <TBody>
              {report.unanswered.map((u) => (
                <TR key={u.question} data-testid="unanswered-row">
                  <TD stack="title">{u.question}</TD>
                  <TD label={t("botAnalytics.unanswered.count")} className="tabular-nums">
                    {u.count}
                  </TD>
                  <TD label={t("botAnalytics.unanswered.last")} className="hidden md:table-cell">
                    <Time iso={u.lastAskedAt} />
                  </TD>
                  <TD stack="end">
                    <Link href={u.createFaqUrl} className="text-sm font-medium text-accent-700 hover:underline">
                      {t("botAnalytics.unanswered.create")}
                    </Link>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("botAnalytics.entries.title")} className="lg:col-span-2" testId="bot-entries">
          {report.entries.length === 0 ? (
            <p className="text-sm text-zinc-500">{t("botAnalytics.entries.empty")}</p>
          ) : (
            <Table label={t("botAnalytics.entries.title")}>
              <THead>
                <TH>{t("botAnalytics.entries.question")}</TH>
                <TH className="w-24">{t("botAnalytics.entries.answered")}</TH>
                <TH className="w-24">{t("botAnalytics.entries.helpful")}</TH>
                <TH className="w-24">{t("botAnalytics.entries.unhelpful")}</TH>
              </THead>
              <TBody>
                {report.entries.map((e) => (
                  <TR key={e.faqId}>
                    <TD stack="title">{e.question ?? t("botAnalytics.entries.deleted")}</TD>
                    <TD label={t("botAnalytics.entries.answered")} className="tabular-nums">
                      {e.answered}
                    </TD>
                    <TD label={t("botAnalytics.entries.helpful")} className="tabular-nums">
                      {e.helpful}
                    </TD>
                    <TD label={t("botAnalytics.entries.unhelpful")} className="tabular-nums">
                      {e.unhelpful}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
        <Card title={t("botAnalytics.handovers.title")} testId="bot-handovers">
          {report.handovers.length === 0 ? (
            <p className="text-sm text-zinc-500">{t("botAnalytics.handovers.empty")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {report.handovers.map((h) => (
                <li key={h.reason} className="flex justify-between gap-3">
                  <span className="text-zinc-700">{t(`botAnalytics.reason.${h.reason}`)}</span>
                  <span className="font-medium tabular-nums text-zinc-900">{h.count}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
