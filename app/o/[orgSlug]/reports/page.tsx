import { ReportsIcon } from "@/components/ui/icons";
import { ComingSoonPage, comingSoonMetadata } from "../coming-soon";

export const generateMetadata = () => comingSoonMetadata("reports");

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  return <ComingSoonPage orgSlug={orgSlug} area="reports" permission="reports.read" icon={<ReportsIcon className="size-5" />} />;
}
