/**
 * A production server must not run on development secrets: without ENCRYPTION_KEY every Page token would be
 * sealed with a key generated on the server's own disk (lost with the disk, different on every instance), and
 * without NEXTAUTH_SECRET sign-in breaks. Demo mode (DEMO_SEED=1, as `npm run demo` and the e2e tests run
 * `next start`) keeps its generated secrets.
 */
export const REQUIRED_PRODUCTION_SECRETS = ["ENCRYPTION_KEY", "NEXTAUTH_SECRET"] as const;

type Env = Record<string, string | undefined>;

/** The message to stop the server with, or null when the configuration may run. */
export function productionSecretsProblem(env: Env): string | null {
  if (env.NODE_ENV !== "production" || env.DEMO_SEED === "1") return null;
  const missing = REQUIRED_PRODUCTION_SECRETS.filter((name) => !env[name]?.trim());
  if (missing.length === 0) return null;
  return [
    `Refusing to start in production without ${missing.join(" and ")}.`,
    ...missing.map((name) => `  ${name}: set it to the output of \`openssl rand -base64 32\` (keep it secret, and the same on every instance).`),
    "  For a local trial instead, run `npm run demo` (DEMO_SEED=1), which generates development secrets in .data/.",
  ].join("\n");
}

/** Throws with the message above; instrumentation.ts calls it before the server opens the database. */
export function assertProductionSecrets(env: Env = process.env): void {
  const problem = productionSecretsProblem(env);
  if (problem) throw new Error(problem);
}
