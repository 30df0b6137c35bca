import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { cn } from "@/components/ui/cn";

/** The campaigns area's two lists: campaigns and recurring topics. */
export async function CampaignTabs({ orgSlug, current }: { orgSlug: string; current: "campaigns" | "topics" }) {
  const { t } = await getT();
  const tabs = [
    { id: "campaigns", href: `/o/${orgSlug}/campaigns`, label: t("nav.campaigns") },
    { id: "topics", href: `/o/${orgSlug}/campaigns/topics`, label: t("topics.tab") },
  ] as const;
  return (
    <nav aria-label={t("nav.campaigns")} className="mb-4 flex gap-1 border-b border-zinc-200">
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          href={tab.href}
          aria-current={tab.id === current ? "page" : undefined}
          className={cn("-mb-px border-b-2 px-3 py-2 text-sm font-medium", tab.id === current ? "border-accent-600 text-accent-700" : "border-transparent text-zinc-600 hover:text-zinc-900")}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
