import { ChannelsIcon } from "@/components/ui/icons";
import { ComingSoonPage, comingSoonMetadata } from "../coming-soon";

export const generateMetadata = () => comingSoonMetadata("channels");

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  return <ComingSoonPage orgSlug={orgSlug} area="channels" permission="channels.read" icon={<ChannelsIcon className="size-5" />} />;
}
