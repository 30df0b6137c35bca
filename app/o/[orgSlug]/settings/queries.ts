import { listMembers } from "@/lib/services/members";
import type { Member } from "@/lib/services/members/schemas";
import type { OrgContext } from "@/lib/tenancy/context";
import { allPages } from "../all-pages";

/** Every member of the organisation. */
export function listAllMembers(ctx: OrgContext): Promise<Member[]> {
  return allPages((input) => listMembers({ ctx, input }));
}
