/**
 * Instance owners run the installation itself (INSTANCE_OWNER_EMAILS, a comma-separated list of emails).
 * Where a page says so (Settings → Workflows), they see every organisation's records, not only the current one.
 */
export function isInstanceOwner(email: string | null | undefined, env: Record<string, string | undefined> = process.env): boolean {
  if (!email) return false;
  const wanted = email.trim().toLowerCase();
  return (env.INSTANCE_OWNER_EMAILS ?? "")
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .some((e) => e.length > 0 && e === wanted);
}
