import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenancy/context";
import type { Member } from "./schemas";

export const memberColumns = {
  id: memberships.id,
  userId: memberships.userId,
  email: users.email,
  name: users.name,
  role: memberships.role,
  createdAt: memberships.createdAt,
};

type MemberRow = { id: string; userId: string; email: string; name: string; role: Member["role"]; createdAt: Date };

export function toMember(row: MemberRow): Member {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** Fetch-or-throw within the tenant: a membership of another organisation is NotFound, like a missing one. */
export async function getMemberInOrg(db: DbOrTx, ctx: OrgContext, membershipId: string, opts: { forUpdate?: boolean } = {}) {
  const query = db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.id, membershipId)))
    .limit(1);
  const [row] = opts.forUpdate ? await query.for("update", { of: memberships }) : await query;
  if (!row) throw new NotFoundError("members.errors.notFound");
  return row;
}

export async function countOwners(db: DbOrTx, orgId: string): Promise<number> {
  const rows = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner")))
    .for("update");
  return rows.length;
}

