/** Settings: its navigation and the page shown to roles without access. Spread into the English catalog; keys are checked against settings.zh-CN.ts. */
export const settingsEn = {
  "settings.nav.members": "Members",
  "settings.nav.skillGroups": "Skill groups",
  "settings.nav.apiKeys": "API keys",
  "settings.nav.auditLog": "Audit log",
  "settings.noAccess.title": "You don't have access to Settings",
  "settings.noAccess.body": "Only owners and admins of {org} can open Settings. Ask one of them if something needs to change.",
  "settings.noAccess.back": "Back to the dashboard",
} as const;
