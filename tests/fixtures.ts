import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, outboxEmails, users } from "@/db/schema";
import { signUp, verifyEmail } from "@/lib/services/accounts";
import { randomToken } from "@/db/ids";
import type { Role } from "@/lib/permissions";
import { insertOrganizationWithOwner } from "@/lib/services/organizations";
import { buildContext, type OrgContext } from "@/lib/tenancy/context";

export interface OrgFixture {
  org: { id: string; slug: string; name: string };
  as: Record<Role, OrgContext>;
  users: Record<Role, { id: string; email: string }>;
}

/** An organisation with one member of each role, and a context for each, as the choke point would build them. */
export async function createOrgFixture(name = `Org ${randomToken(4)}`): Promise<OrgFixture> {
  const db = await getDb();
  const tag = randomToken(6).toLowerCase();
  const make = async (role: Role) => {
    const [user] = await db.insert(users).values({ email: `${role}-${tag}@example.com`, name: `${role} ${tag}` }).returning();
    return user;
  };
  const owner = await make("owner");
  const org = await db.transaction((tx) => insertOrganizationWithOwner(tx, owner, name));
  const people = { owner, admin: await make("admin"), marketer: await make("marketer"), agent: await make("agent") };
  const memberIds = {} as Record<Role, string>;
  for (const role of Object.keys(people) as Role[]) {
    if (role === "owner") {
      const [m] = await db.select().from(memberships).where(eq(memberships.userId, owner.id));
      memberIds.owner = m.id;
      continue;
    }
    const [m] = await db.insert(memberships).values({ orgId: org.id, userId: people[role].id, role }).returning();
    memberIds[role] = m.id;
  }
  const as = {} as Record<Role, OrgContext>;
  for (const role of Object.keys(people) as Role[]) {
    as[role] = buildContext({ org, actor: { type: "user", id: people[role].id, label: people[role].email }, role, membershipId: memberIds[role] });
  }
  return { org, as, users: people };
}

/** Signs up through the service, then opens the verification link from the outbox, as a person would. */
export async function signUpVerified(input: { name: string; email: string; password: string; organizationName: string }, ip = "10.200.0.1") {
  const { userId, email } = await signUp(input, { ip });
  const link = await latestLinkMailedTo(email, "/verify-email/");
  const { orgSlug } = await verifyEmail({ token: link.split("/verify-email/")[1]! });
  return { userId, email, orgSlug: orgSlug! };
}

/** The newest link containing `path` in the local outbox for `to`. */
export async function latestLinkMailedTo(to: string, path: string): Promise<string> {
  const db = await getDb();
  const rows = await db.select().from(outboxEmails).where(eq(outboxEmails.to, to)).orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id));
  for (const row of rows) {
    const link = row.text.match(/https?:\/\/\S+/g)?.find((l) => l.includes(path));
    if (link) return link;
  }
  throw new Error(`no mail to ${to} with a ${path} link`);
}
