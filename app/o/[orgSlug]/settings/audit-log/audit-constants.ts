/** The actions and resource types the audit log filters offer (and translates). */
export const AUDIT_ACTIONS = [
  "organization.created",
  "member.invited",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "invitation.revoked",
  "skill_group.created",
  "skill_group.updated",
  "skill_group.deleted",
  "skill_group.member_added",
  "skill_group.member_removed",
  "api_key.created",
  "api_key.revoked",
] as const;
export const AUDIT_RESOURCE_TYPES = ["organization", "member", "invitation", "skill_group", "api_key"] as const;
