import { isEmailVerified } from "@/lib/auth/email-verified";
import type { SessionUser } from "@/lib/auth/session";
import { landingSection } from "@/lib/permissions";
import { listUserOrganizations } from "@/lib/services/organizations";

/**
 * Where a signed-in user starts: their first organisation's page for their role there (named directly, so
 * sign-in goes to it in one step, with no stop at "/" or the organisation's root), else creating an
 * organisation once the email is verified, else the page that waits for verification.
 */
export async function landingPath(user: SessionUser): Promise<string> {
  const orgs = await listUserOrganizations(user.id);
  // An organisation scheduled for deletion (listed for its owners only) is not where anyone lands.
  const first = orgs.find((o) => !o.deleteAfter) ?? orgs[0];
  if (first) return `/o/${first.slug}/${first.deleteAfter ? "settings/general" : landingSection(first.role)}`;
  return (await isEmailVerified(user.id)) ? "/orgs/new" : "/verify-email";
}
