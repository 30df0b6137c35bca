/**
 * The English catalog, and the source of message keys: the Chinese catalog must have exactly these keys
 * (the type checker enforces it). Placeholders are written {name}.
 */
export const en = {
  "app.name": "Messenger Desk",
  "app.tagline": "Serve and market to your customers on Facebook Messenger.",

  "nav.channels": "Channels",
  "nav.campaigns": "Campaigns",
  "nav.conversations": "Conversations",
  "nav.reports": "Reports",
  "nav.settings": "Settings",

  "errors.forbidden": "You do not have permission to do this.",
  "errors.notFound": "Not found.",
  "errors.internal": "Something went wrong on our side. Please try again.",
  "errors.rateLimited": "Too many attempts. Try again in {minutes} minutes.",
} as const;

export type MessageKey = keyof typeof en;
