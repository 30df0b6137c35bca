import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NoAccess } from "@/components/shell/no-access";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import type { Permission } from "@/lib/permissions";
import { can } from "@/lib/tenancy/context";
import { orgPageContext } from "./org-page";

type Area = "channels" | "campaigns" | "conversations";

export async function comingSoonMetadata(area: Area): Promise<Metadata> {
  const { t } = await getT();
  return { title: t(`nav.${area}` as MessageKey) };
}

/** An area that is not built yet: an honest empty state, no sample data. */
export async function ComingSoonPage({ orgSlug, area, permission, icon }: { orgSlug: string; area: Area; permission: Permission; icon: ReactNode }) {
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  if (!can(ctx, permission)) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  return (
    <>
      <PageHeader title={t(`nav.${area}`)} />
      <EmptyState
        icon={icon}
        badge={<Badge tone="accent">{t("common.comingSoon")}</Badge>}
        title={t(`empty.${area}.title`)}
        body={t(`empty.${area}.body`)}
        className="py-20"
      />
    </>
  );
}
