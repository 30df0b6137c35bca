import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The people the browser tests act as, each signed in once by e2e/personas.setup.ts (the `setup` project)
 * and saved as Playwright storage state in e2e/.auth/ (gitignored), so a spec starts signed in with
 * `test.use({ storageState: storageStateOf("owner") })` or `browser.newContext({ storageState: ... })`.
 *
 * - owner: signed up through the form with an organisation of their own (details in ownerOrg()).
 * - agent: invited into the owner's organisation as Agent.
 * - agent2: a second agent of the owner's organisation (the agent desk's transfers go from one agent to another).
 * - demo: the seeded demo owner (DEMO_SEED=1), instance owner, who owns the demo organisation.
 * - marketer: invited into the demo organisation as Marketer (campaigns run on its connected demo Page).
 *
 * Specs that test sign-up or sign-in themselves still do them, and specs that need an organisation nobody
 * else touches (empty states, exact counts, a second organisation) still sign up for one.
 */
export type Persona = "owner" | "agent" | "agent2" | "demo" | "marketer";

const AUTH_DIR = fileURLToPath(new URL(".auth/", import.meta.url));

export function storageStateOf(persona: Persona): string {
  return `${AUTH_DIR}${persona}.json`;
}

export const DEMO_OWNER = { email: "demo@example.com", password: "messenger-desk-demo", slug: "demo" } as const;

/** The owner persona and their organisation, as the setup project signed them up. */
export type OwnerOrg = { name: string; email: string; password: string; org: string; slug: string };

const OWNER_ORG_FILE = `${AUTH_DIR}owner-org.json`;

export function ownerOrg(): OwnerOrg {
  return JSON.parse(readFileSync(OWNER_ORG_FILE, "utf8")) as OwnerOrg;
}

export function ownerOrgFile(): string {
  return OWNER_ORG_FILE;
}
