import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invitations, organizations } from "@/db/schema";
import { sha256Hex } from "@/lib/crypto/hash";
import { NotFoundError } from "@/lib/errors";
import { inviterMayStillInvite } from "./inviter-authority";

export async function findOpenInvitation(token: string) {
  const db = await getDb();
  const [row] = await db
    .select({ invitation: invitations, org: organizations })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(
      and(eq(invitations.tokenHash, sha256Hex(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())),
    );
  if (!row || !(await inviterMayStillInvite(db, row.invitation))) throw new NotFoundError("invite.errors.notFound");
  return row;
}
