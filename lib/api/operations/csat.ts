import { csatSettingsInputSchema, csatSettingsSchema } from "@/lib/services/csat/schemas";
import { named, type ApiOperation } from "./define";

const settings = named("CsatSettings", csatSettingsSchema);

/** A channel's satisfaction survey (issue 16). */
export const csatOperations: ApiOperation[] = [
  {
    operationId: "getCsatSettings",
    method: "GET",
    path: "/channels/{channelId}/csat",
    summary: "Get a channel's satisfaction survey",
    description:
      "Whether the Page asks for a rating when a conversation is resolved, and its words per language (`en`, `zh-CN`; an empty text means the built-in words, given in `defaults`). " +
      "A channel that was never set answers `enabled: false`.",
    tags: ["Channels"],
    permission: "csat.manage",
    pathParams: { channelId: "The channel's id." },
    response: { status: 200, description: "The survey setting.", body: settings },
  },
  {
    operationId: "saveCsatSettings",
    method: "PUT",
    path: "/channels/{channelId}/csat",
    summary: "Set a channel's satisfaction survey",
    description:
      "Replaces the setting. On: when a conversation is resolved and the person wrote within the last 24 hours, the Page asks for a rating (quick replies 1 to 5), then an optional comment " +
      "(with \"No thanks\" / \"不用了\"), then thanks them; outside the window nothing is sent and the survey is recorded as skipped. The person's Messenger locale picks the language, else the " +
      "organisation's default. Texts are at most 640 characters. Audited (`channel.csat_updated`).",
    tags: ["Channels"],
    permission: "csat.manage",
    pathParams: { channelId: "The channel's id." },
    body: named("SaveCsatSettings", csatSettingsInputSchema),
    response: { status: 200, description: "The setting as saved.", body: settings },
  },
];
