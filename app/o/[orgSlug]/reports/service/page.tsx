import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { getT } from "@/lib/i18n/server";
import { listMembers } from "@/lib/services/members";
import { getServiceReport } from "@/lib/services/reports";
import { can } from "@/lib/tenancy/context";
import { allPages } from "../../all-pages";
import { listAllChannels, listAllSkillGroups } from "../../channels/queries";
import { orgPageContext } from "../../org-page";
import { sectionMetadata } from "../../page-metadata";
import { ReportFilters, ReportHeader } from "../report-filters";
import { param, rangeFromQuery, reportOrDefault, reportQueryString } from "../reports-page";
import { ServiceReportView } from "./service-report";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("reports.tabs.service", "nav.reports");
}

type Props = { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Reports → Service: the range and filters come from the URL; one read of the rollups renders everything. */
export default async function ServiceReportPage({ params, searchParams }: Props) {
  const [{ orgSlug }, query, { t, locale }] = await Promise.all([params, searchParams, getT()]);
  const { ctx } = await orgPageContext(orgSlug);
  if (!can(ctx, "reports.service")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const range = rangeFromQuery(query);
  const input = { ...range.input, channelId: param(query.channelId), skillGroupId: param(query.skillGroupId), membershipId: param(query.membershipId) };
  const { report, refused } = await reportOrDefault((i) => getServiceReport({ ctx, input: i as typeof input | undefined }), input, locale);
  const [channels, skillGroups, members] = await Promise.all([
    can(ctx, "channels.read") ? listAllChannels(ctx) : Promise.resolve([]),
    can(ctx, "members.read") ? listAllSkillGroups(ctx) : Promise.resolve([]),
    can(ctx, "members.read") ? allPages((page) => listMembers({ ctx, input: page })) : Promise.resolve([]),
  ]);
  const filters = refused ? {} : { channelId: input.channelId, skillGroupId: input.skillGroupId, membershipId: input.membershipId };
  return (
    <div className="space-y-6">
      <ReportHeader
        refused={refused}
        filters={
          <ReportFilters
            preset={refused ? "7d" : range.shown}
            from={report.range.from}
            to={report.range.to}
            choices={[
              { name: "channelId", label: t("reports.filters.channel"), value: filters.channelId ?? "", options: channels.map((c) => ({ id: c.id, name: c.name })) },
              { name: "skillGroupId", label: t("reports.filters.skillGroup"), value: filters.skillGroupId ?? "", options: skillGroups.map((g) => ({ id: g.id, name: g.name })) },
              { name: "membershipId", label: t("reports.filters.agent"), value: filters.membershipId ?? "", options: members.map((m) => ({ id: m.id, name: m.name || m.email })) },
            ]}
          />
        }
      >
        {t("reports.range", { from: report.range.from, to: report.range.to, timeZone: report.range.timeZone })}
      </ReportHeader>
      <ServiceReportView report={report} csvQuery={reportQueryString({ org: ctx.org.slug, from: report.range.from, to: report.range.to, ...filters })} />
    </div>
  );
}
