/** The public origin of the app, for links we hand out (invitations, webhook callback URLs). */
export function appUrl(): string {
  const url = process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return url.replace(/\/+$/, "");
}
