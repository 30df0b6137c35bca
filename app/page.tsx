import { redirect } from "next/navigation";
import { isEmailVerified } from "@/lib/auth/email-verified";
import { getSessionUser } from "@/lib/auth/session";
import { listUserOrganizations } from "@/lib/services/organizations";

/** Signed in: the first organisation (or creating one, once the email is verified); signed out: sign-in. */
export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const orgs = await listUserOrganizations(user.id);
  // An organisation scheduled for deletion (listed for its owners only) is not where anyone lands.
  const landing = orgs.find((o) => !o.deleteAfter) ?? orgs[0];
  if (landing) redirect(`/o/${landing.slug}`);
  redirect((await isEmailVerified(user.id)) ? "/orgs/new" : "/verify-email");
}
