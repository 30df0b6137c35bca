import { listMembers } from "@/lib/services/members";
import type { Member } from "@/lib/services/members/schemas";
import type { OrgContext } from "@/lib/tenancy/context";

/** Every member of the organisation (the service pages by 100). */
export async function listAllMembers(ctx: OrgContext): Promise<Member[]> {
  const all: Member[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMembers({ ctx, input: { limit: 100, cursor } });
    all.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
