import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { listUserOrganizations } from "@/lib/services/organizations/list-user-organizations";

/** Signed in: the first organisation (or creating one); signed out: sign-in. */
export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const orgs = await listUserOrganizations(user.id);
  redirect(orgs[0] ? `/o/${orgs[0].slug}` : "/orgs/new");
}
