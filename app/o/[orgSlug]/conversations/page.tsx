import { ConversationsIcon } from "@/components/ui/icons";
import { ComingSoonPage, comingSoonMetadata } from "../coming-soon";

export const generateMetadata = () => comingSoonMetadata("conversations");

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  return <ComingSoonPage orgSlug={orgSlug} area="conversations" permission="conversations.read" icon={<ConversationsIcon className="size-5" />} />;
}
