import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { landingPath } from "./landing";

/** Signed in: the page of the user's role in their first organisation (see landingPath); signed out: sign-in. */
export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  redirect(await landingPath(user));
}
