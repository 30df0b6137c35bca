import { getDb } from "@/db/client";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getMemberInOrg, toMember } from "./queries";
import type { Member } from "./schemas";

/** One member of the organisation; another organisation's membership is NotFound, like a missing one. */
export async function getMember({ ctx, membershipId }: { ctx: OrgContext; membershipId: string }): Promise<Member> {
  requirePermission(ctx, "members.read");
  return toMember(await getMemberInOrg(await getDb(), ctx, membershipId));
}
