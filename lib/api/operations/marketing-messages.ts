import { tokenImportRequestedSchema, unsubscribeResultSchema } from "@/lib/services/permissions/schemas";
import { named, type ApiOperation } from "./define";

/** Meta's Marketing Messages around the permissions ledger: importing subscribers and honouring unsubscribes. */
export const marketingMessageOperations: ApiOperation[] = [
  {
    operationId: "importChannelSubscriptionTokens",
    method: "POST",
    path: "/channels/{channelId}/subscription-tokens/import",
    summary: "Import a channel's Marketing Messages subscribers from Meta",
    description:
      "Starts an import, in the background, of the Page's subscription tokens from Meta's token list (`/{page-id}/notification_message_tokens`, " +
      "each person's newest token) into the permissions ledger as kind `marketing`, source `import`. Tokens already in the ledger (captured from an " +
      "opt-in, or imported before) are left as they are, so an import can run again at any time and stores only what is missing. " +
      "The result (tokens listed by Meta, imported, already known) is recorded in the audit log as `channel.subscription_tokens_imported`. " +
      "Every eligible channel also imports once a day.",
    tags: ["Channels"],
    permission: "campaigns.manage",
    pathParams: { channelId: "The channel's id." },
    response: { status: 202, description: "The import was asked for.", body: named("TokenImportRequested", tokenImportRequestedSchema) },
    conflict:
      "The channel may not offer Marketing Messages (the message says why: audience region not set or in the EU, UK, Japan, South Korea or Australia; business country not set, not served, or mainland China; no ad account), or it is disconnected",
  },
  {
    operationId: "unsubscribeContact",
    method: "POST",
    path: "/contacts/{contactId}/permissions/unsubscribe",
    summary: "Unsubscribe a contact from marketing",
    description:
      "Tells Meta the person no longer receives the Page's marketing messages (`messaging_customer_base/unsubscribe` with their PSID: every token " +
      "they hold on the Page stops working), then marks their active `marketing` and `recurring` permissions on that Page `stopped`. Meta is told " +
      "first: when Meta refuses, nothing changes (409 with Meta's reason). Only the person can subscribe again.",
    tags: ["Agent desk"],
    permission: "conversations.reply",
    pathParams: { contactId: "The contact's id (`contact.id` of the conversation's contact)." },
    response: { status: 200, description: "What was stopped.", body: named("UnsubscribeResult", unsubscribeResultSchema) },
    conflict: "Meta refused to unsubscribe the person, or the channel is disconnected",
  },
];
