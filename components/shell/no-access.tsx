import { ButtonLink } from "@/components/ui/button";
import { LockIcon } from "@/components/ui/icons";
import { getT } from "@/lib/i18n/server";

/** Shown instead of a page the member's role may not open: says so plainly and shows no data. */
export async function NoAccess({ orgName, orgSlug, area = "settings" }: { orgName: string; orgSlug: string; area?: "settings" | "page" }) {
  const { t } = await getT();
  return (
    <div className="flex flex-col items-center rounded-xl border border-zinc-200 bg-white px-6 py-16 text-center shadow-xs" data-testid="no-access">
      <div className="mb-4 flex size-11 items-center justify-center rounded-full bg-amber-50 text-amber-700 ring-8 ring-amber-50/50">
        <LockIcon className="size-5" />
      </div>
      <p className="font-mono text-xs font-semibold text-zinc-500">403</p>
      <h1 className="mt-1 text-lg font-semibold text-zinc-900">{t(area === "settings" ? "settings.noAccess.title" : "noAccess.title")}</h1>
      <p className="mt-1.5 max-w-md text-sm leading-6 text-zinc-500">{t(area === "settings" ? "settings.noAccess.body" : "noAccess.body", { org: orgName })}</p>
      <ButtonLink href={`/o/${orgSlug}`} variant="secondary" className="mt-6">
        {t("settings.noAccess.back")}
      </ButtonLink>
    </div>
  );
}
