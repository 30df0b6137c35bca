import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { CAMPAIGN_KINDS, type CampaignKind } from "@/lib/services/campaigns/constants";
import { getOrganizationSettings } from "@/lib/services/organizations";
import { can } from "@/lib/tenancy/context";
import { listAllChannels } from "../../channels/queries";
import { orgPageContext } from "../../org-page";
import { CampaignForm } from "../_components/campaign-form";
import { BroadcastFormLoader } from "../_components/broadcast-form-loader";
import { KindPicker, type KindChoice } from "../_components/kind-picker";
import { createBroadcastCampaignAction, createCampaignAction } from "../actions";
import { channelKindAvailability, topicOptions } from "../broadcast-adapter";
import { segmentOptions } from "../queries";
import { sectionMetadata } from "../../page-metadata";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("campaigns.new", "nav.campaigns");
}

/**
 * A new campaign: first its kind (?kind=otn|recurring|marketing; One-Time Notification by default, the form as it
 * always was), each kind disabled with the reason where no channel offers it; then the kind's form.
 */
export default async function NewCampaignPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ kind?: string | string[] }> }) {
  const [{ orgSlug }, search] = await Promise.all([params, searchParams]);
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  if (!can(ctx, "campaigns.manage")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const [channels, segments, { timeZone }, topics] = await Promise.all([listAllChannels(ctx), segmentOptions(ctx), getOrganizationSettings({ ctx }), topicOptions(ctx)]);
  if (channels.length === 0) redirect(`/o/${ctx.org.slug}/campaigns`);
  const availability = channels.map((c) => ({ channel: c, kinds: channelKindAvailability(c) }));
  const choices: KindChoice[] = CAMPAIGN_KINDS.map((kind) => {
    const unavailable = availability.flatMap(({ channel, kinds }) => {
      const a = kinds[kind];
      return a.available ? [] : [{ channelName: channel.name, reason: a.reason }];
    });
    return { kind, unavailable, disabled: unavailable.length === channels.length };
  });
  const asked = typeof search.kind === "string" && (CAMPAIGN_KINDS as readonly string[]).includes(search.kind) ? (search.kind as CampaignKind) : "otn";
  // A kind no channel offers cannot be chosen by its address either.
  const kind = choices.find((c) => c.kind === asked)?.disabled ? "otn" : asked;
  const slug = ctx.org.slug;
  async function save(input: Record<string, unknown>) {
    "use server";
    return createCampaignAction(slug, input);
  }
  async function saveBroadcast(input: Record<string, unknown>, sendNow: boolean) {
    "use server";
    return createBroadcastCampaignAction(slug, input, sendNow);
  }
  return (
    <>
      <PageHeader title={t("campaigns.new")} />
      <KindPicker value={kind} choices={choices} />
      {kind === "otn" ? (
        <CampaignForm orgSlug={slug} channels={channels.map((c) => ({ id: c.id, name: c.name }))} segments={segments} timeZone={timeZone} save={save} />
      ) : (
        <BroadcastFormLoader
          key={kind}
          orgSlug={slug}
          kind={kind}
          channels={availability.map(({ channel, kinds }) => {
            const a = kinds[kind];
            return { id: channel.id, name: channel.name, unavailable: a.available ? null : a.reason };
          })}
          topics={topics}
          segments={segments}
          timeZone={timeZone}
          save={saveBroadcast}
        />
      )}
    </>
  );
}
