import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { DomainError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { translateMessage } from "@/lib/i18n/translate";
import { listMembers } from "@/lib/services/members";
import { getServiceReport, type ServiceReport, type ServiceReportQuery } from "@/lib/services/reports";
import { can } from "@/lib/tenancy/context";
import { allPages } from "../../all-pages";
import { listAllChannels, listAllSkillGroups } from "../../channels/queries";
import { orgPageContext } from "../../org-page";
import { sectionMetadata } from "../../page-metadata";
import { PrintButton, ReportFilters } from "../report-filters";
import { param, reportQueryString } from "../reports-page";
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
  const preset = param(query.preset);
  // A preset ignores the dates the form also sends; dates alone mean a custom range.
  const custom = preset === "custom" || (!preset && Boolean(param(query.from)));
  const input: ServiceReportQuery = {
    preset: preset as ServiceReportQuery["preset"],
    from: custom ? param(query.from) : undefined,
    to: custom ? param(query.to) : undefined,
    channelId: param(query.channelId),
    skillGroupId: param(query.skillGroupId),
    membershipId: param(query.membershipId),
  };
  let report: ServiceReport;
  let refused: string | null = null;
  try {
    report = await getServiceReport({ ctx, input });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    refused = translateMessage(error.localizable, locale);
    report = await getServiceReport({ ctx });
  }
  const [channels, skillGroups, members] = await Promise.all([
    can(ctx, "channels.read") ? listAllChannels(ctx) : Promise.resolve([]),
    can(ctx, "members.read") ? listAllSkillGroups(ctx) : Promise.resolve([]),
    can(ctx, "members.read") ? allPages((page) => listMembers({ ctx, input: page })) : Promise.resolve([]),
  ]);
  const filters = refused ? {} : { channelId: input.channelId, skillGroupId: input.skillGroupId, membershipId: input.membershipId };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <ReportFilters
          preset={refused ? "7d" : custom ? "custom" : (preset ?? "7d")}
          from={report.range.from}
          to={report.range.to}
          choices={[
            { name: "channelId", label: t("reports.filters.channel"), value: filters.channelId ?? "", options: channels.map((c) => ({ id: c.id, name: c.name })) },
            { name: "skillGroupId", label: t("reports.filters.skillGroup"), value: filters.skillGroupId ?? "", options: skillGroups.map((g) => ({ id: g.id, name: g.name })) },
            { name: "membershipId", label: t("reports.filters.agent"), value: filters.membershipId ?? "", options: members.map((m) => ({ id: m.id, name: m.name || m.email })) },
          ]}
        />
        <PrintButton />
      </div>
      {refused && (
        <p role="alert" className="text-sm text-red-700">
          {refused}
        </p>
      )}
      <p className="text-sm text-zinc-600" data-testid="report-range">
        {t("reports.range", { from: report.range.from, to: report.range.to, timeZone: report.range.timeZone })}
      </p>
      <ServiceReportView report={report} csvQuery={reportQueryString({ org: ctx.org.slug, from: report.range.from, to: report.range.to, ...filters })} />
    </div>
  );
}
