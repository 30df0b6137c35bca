import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/shell/no-access";
import { getT } from "@/lib/i18n/server";
import { getCampaignReport } from "@/lib/services/reports";
import { can } from "@/lib/tenancy/context";
import { listAllChannels } from "../../channels/queries";
import { orgPageContext } from "../../org-page";
import { sectionMetadata } from "../../page-metadata";
import { ReportFilters, ReportHeader } from "../report-filters";
import { param, rangeFromQuery, reportOrDefault, reportQueryString } from "../reports-page";
import { CampaignReportView } from "./campaign-report";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("reports.tabs.campaigns", "nav.reports");
}

type Props = { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Reports → Campaigns: every campaign with activity in the range, or the ones a campaign's page links to. */
export default async function CampaignReportPage({ params, searchParams }: Props) {
  const [{ orgSlug }, query, { t, locale }] = await Promise.all([params, searchParams, getT()]);
  const { ctx } = await orgPageContext(orgSlug);
  if (!can(ctx, "reports.read")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const range = rangeFromQuery(query);
  const { custom, preset } = range;
  const input = { ...range.input, channelId: param(query.channelId), campaignIds: param(query.campaignIds) };
  const { report, refused } = await reportOrDefault((i) => getCampaignReport({ ctx, input: i as typeof input | undefined }), input, locale);
  const channels = can(ctx, "channels.read") ? await listAllChannels(ctx) : [];
  const filters = refused ? {} : { channelId: input.channelId, campaignIds: input.campaignIds };
  const chosen = filters.campaignIds ? filters.campaignIds.split(",").length : 0;
  return (
    <div className="space-y-6">
      <ReportHeader
        refused={refused}
        filters={
          <ReportFilters
            preset={refused ? "7d" : range.shown}
            from={report.range.from}
            to={report.range.to}
            keep={filters.campaignIds ? { campaignIds: filters.campaignIds } : {}}
            choices={[{ name: "channelId", label: t("reports.filters.channel"), value: filters.channelId ?? "", options: channels.map((c) => ({ id: c.id, name: c.name })) }]}
          />
        }
      >
        {t("reports.range", { from: report.range.from, to: report.range.to, timeZone: report.range.timeZone })}
        {chosen > 0 && (
          <>
            {" · "}
            {t("reports.campaigns.comparing", { count: chosen })}{" "}
            <Link href={`/o/${ctx.org.slug}/reports/campaigns?${reportQueryString({ preset: custom ? "custom" : preset, from: custom ? report.range.from : undefined, to: custom ? report.range.to : undefined, channelId: filters.channelId })}`} className="font-medium text-accent-700 hover:underline print:hidden">
              {t("reports.campaigns.showAll")}
            </Link>
          </>
        )}
      </ReportHeader>
      <CampaignReportView orgSlug={ctx.org.slug} report={report} csvQuery={reportQueryString({ org: ctx.org.slug, from: report.range.from, to: report.range.to, ...filters })} />
    </div>
  );
}
