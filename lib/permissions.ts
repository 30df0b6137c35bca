/**
 * Who may do what, as data in one place. A role's permissions are looked up here by every
 * transport's choke point; services ask `ctx.can(...)` / `requirePermission(ctx, ...)`.
 */
/** Ordered from most to fewest rights: each role's permissions include those of every role after it. */
export const ROLES = ["owner", "admin", "marketer", "agent"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** See the member list and skill groups (everyone needs to know their team). */
  "members.read": ["owner", "admin", "marketer", "agent"],
  "members.manage": ["owner", "admin"],
  "skillGroups.manage": ["owner", "admin"],
  "channels.read": ["owner", "admin", "marketer", "agent"],
  "channels.manage": ["owner", "admin"],
  "campaigns.read": ["owner", "admin", "marketer"],
  "campaigns.manage": ["owner", "admin", "marketer"],
  "conversations.read": ["owner", "admin", "marketer", "agent"],
  "conversations.reply": ["owner", "admin", "marketer", "agent"],
  /**
   * See the conversations of every channel. Without it (agents) a member sees only the channels bound to
   * their skill groups (lib/tenancy/conversation-scope.ts). Marketers keep it: they run campaigns on every
   * channel, and a campaign's opt-ins and replies land in its channel's conversations.
   */
  "conversations.readAll": ["owner", "admin", "marketer"],
  /**
   * Assign or transfer any conversation to any agent of its skill group, and claim from any queue (supervisors).
   * Without it a member claims, transfers and resolves only within their own skill groups.
   */
  "conversations.assign": ["owner", "admin"],
  /** See the organisation's audiences (saved segments) and their live counts. */
  "segments.read": ["owner", "admin", "marketer"],
  /** Create, edit and delete segments (and target campaigns at them, with `campaigns.manage`). */
  "segments.manage": ["owner", "admin", "marketer"],
  /** Create, rename, recolour and delete the organisation's conversation labels (applying them is `conversations.reply`). */
  "labels.manage": ["owner", "admin"],
  /**
   * Create, edit and delete canned replies, the organisation's and each skill group's alike (kept to one
   * permission on purpose: a group's answers are the organisation's voice too). Using them needs only
   * `conversations.reply`.
   */
  "cannedReplies.manage": ["owner", "admin"],
  /** Read the FAQ knowledge base (agents too: they answer the same questions). */
  "faqs.read": ["owner", "admin", "marketer", "agent"],
  /** Create, edit, import, enable and delete FAQ entries and synonyms. */
  "faqs.manage": ["owner", "admin"],
  /** Set the bot's mode and texts per skill group or channel, manage external bot connectors and the Page's Messenger profile. */
  "bot.manage": ["owner", "admin"],
  /** The bot's analytics: answers, votes, handovers, unanswered questions. */
  "bot.analytics": ["owner", "admin"],
  /** Open Reports and see the campaign reports (marketers run the campaigns). */
  "reports.read": ["owner", "admin", "marketer"],
  /** The service reports (conversations, agents, satisfaction) and the live overview of agents and queues (supervisors). */
  "reports.service": ["owner", "admin"],
  /** Turn a channel's satisfaction survey on or off and word it. */
  "csat.manage": ["owner", "admin"],
  "apiKeys.manage": ["owner", "admin"],
  "auditLog.read": ["owner", "admin"],
  "workflows.manage": ["owner", "admin"],
  /** Rename, change the slug, colour, time zone and default language of the organisation. */
  "organization.manage": ["owner", "admin"],
  /** Schedule the organisation's deletion, or cancel it during the grace period. */
  "organization.delete": ["owner"],
  /** Open the Settings area at all. */
  "settings.view": ["owner", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set((Object.keys(PERMISSIONS) as Permission[]).filter((p) => (PERMISSIONS[p] as readonly Role[]).includes(role)));
}

export function roleCan(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Roles a member with `role` may hand out: nobody but an owner creates owners. */
export function assignableRoles(role: Role): Role[] {
  if (role === "owner") return [...ROLES];
  if (role === "admin") return ["admin", "marketer", "agent"];
  return [];
}

/** Whichever of two roles has fewer rights (ROLES is ordered, and each role's permissions contain the next one's). */
export function lesserRole(a: Role, b: Role): Role {
  return ROLES.indexOf(a) >= ROLES.indexOf(b) ? a : b;
}

/** Whether a member with `role` may (still) hand out an invitation for `invitedRole`. */
export function mayInvite(role: Role, invitedRole: Role): boolean {
  return roleCan(role, "members.manage") && assignableRoles(role).includes(invitedRole);
}

/**
 * Where a member lands in an organisation (its root, and straight after sign-in): the work their role is
 * for. Marketers run campaigns, agents answer conversations (their inbox), admins and owners look after
 * the channels everything else depends on.
 */
export function landingSection(role: Role): "campaigns" | "conversations" | "channels" {
  if (role === "marketer") return "campaigns";
  if (role === "agent") return "conversations";
  return "channels";
}
