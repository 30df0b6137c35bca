import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { getT } from "@/lib/i18n/server";
import { failureMessage, getFacebookLogin } from "@/lib/services/facebook-login";
import { can } from "@/lib/tenancy/context";
import { orgPageContext } from "../../../org-page";
import { orNotFound } from "../../../or-not-found";
import { listAllSkillGroups } from "../../queries";
import { FacebookPagePicker } from "./picker-client";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("facebookLogin.picker.title") };
}

/** Where Meta's login dialog leads back to: the Pages the Facebook user shared, to pick from, or what went wrong. */
export default async function FacebookLoginPickerPage({ params }: { params: Promise<{ orgSlug: string; loginId: string }> }) {
  const { orgSlug, loginId } = await params;
  const { ctx } = await orgPageContext(orgSlug);
  if (!can(ctx, "channels.manage")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const [login, groups] = await orNotFound(loginId, () => Promise.all([getFacebookLogin({ ctx, loginId }), listAllSkillGroups(ctx)]));
  const failure = login.failure ? failureMessage(login.failure) : null;
  // Which required permissions were refused, for the "what it is for" list and the how-to-grant text.
  const missingPermissions = login.failure?.key === "facebookLogin.failure.declined" ? (login.failure.values?.permissions ?? "").split(", ").filter(Boolean) : [];
  return (
    <FacebookPagePicker
      orgSlug={ctx.org.slug}
      orgName={ctx.org.name}
      login={login}
      failure={failure}
      missingPermissions={missingPermissions}
      skillGroups={groups.map((g) => ({ id: g.id, name: g.name }))}
    />
  );
}
