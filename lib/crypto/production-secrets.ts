/**
 * A production server must not run on development secrets: without ENCRYPTION_KEY every Page token would be
 * sealed with a key generated on the server's own disk (lost with the disk, different on every instance), and
 * without NEXTAUTH_SECRET sign-in breaks. Demo mode (DEMO_SEED=1, as `npm run demo` and the e2e tests run
 * `next start`) keeps its generated secrets.
 */
export const REQUIRED_PRODUCTION_SECRETS = ["ENCRYPTION_KEY", "NEXTAUTH_SECRET"] as const;

type Env = Record<string, string | undefined>;

/** The message to stop the server with, or null when the configuration may run. */
export function productionConfigProblem(env: Env): string | null {
  if (env.NODE_ENV !== "production" || env.DEMO_SEED === "1") return null;
  const missing = REQUIRED_PRODUCTION_SECRETS.filter((name) => !env[name]?.trim());
  const lines = missing.length
    ? [
        `Refusing to start in production without ${missing.join(" and ")}.`,
        ...missing.map((name) => `  ${name}: set it to the output of \`openssl rand -base64 32\` (keep it secret, and the same on every instance).`),
        "  For a local trial instead, run `npm run demo` (DEMO_SEED=1), which generates development secrets in .data/.",
      ]
    : [];
  // The Inngest dev server signs nothing, so with INNGEST_DEV the workflow endpoint takes unsigned calls.
  const dev = env.INNGEST_DEV?.trim().toLowerCase();
  if (dev && !["0", "false"].includes(dev)) {
    lines.push("Refusing to start in production with INNGEST_DEV set: the workflow endpoint would accept unsigned calls. Unset it to use the built-in executor, or set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY for Inngest.");
  }
  return lines.length ? lines.join("\n") : null;
}
