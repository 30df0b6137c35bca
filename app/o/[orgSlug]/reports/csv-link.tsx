"use client";

import { useI18n } from "@/lib/i18n/client";
import type { CampaignCsvTable, ServiceCsvTable } from "@/lib/services/reports";

/**
 * A table's CSV from the reports' download route (the signed-in session's twin of /api/v1/reports/*.csv): the
 * same verb, range and filters as the screen, so the file equals the table. A plain link: the browser downloads
 * what the route names in Content-Disposition.
 */
export function CsvLink({ query, label, ...which }: ({ kind: "service"; table: ServiceCsvTable } | { kind: "campaigns"; table: CampaignCsvTable }) & { query: string; label: string }) {
  const { kind, table } = which;
  const { t } = useI18n();
  const params = new URLSearchParams(query);
  params.set("table", table);
  return (
    <a href={`/api/downloads/reports/${kind}.csv?${params}`} download className="text-sm font-medium text-accent-700 hover:underline print:hidden" data-testid={`csv-${table}`}>
      {t("reports.csv")}
      <span className="sr-only"> ({label})</span>
    </a>
  );
}
