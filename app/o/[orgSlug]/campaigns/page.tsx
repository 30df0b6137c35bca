import { CampaignsIcon } from "@/components/ui/icons";
import { ComingSoonPage, comingSoonMetadata } from "../coming-soon";

export const generateMetadata = () => comingSoonMetadata("campaigns");

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  return <ComingSoonPage orgSlug={orgSlug} area="campaigns" permission="campaigns.read" icon={<CampaignsIcon className="size-5" />} />;
}
