import { botConfigInputSchema, botConfigSchema } from "@/lib/services/bot/schemas";
import { named, pageOf, type ApiOperation } from "./define";

const botConfigComponent = named("BotConfig", botConfigSchema);
const body = named("PutBotConfig", botConfigInputSchema);
const modes =
  "`mode`: `off`; `bot_first` (the bot answers until it hands over); `human_first` (the bot answers only outside the skill group's working hours or while `humanFirstQueueLength` or more wait in the queue); " +
  "`bot_only` (the bot never hands over for misses, but always when the person asks for a human). `engine` `external` needs `connectorId` (a connector of the organisation). " +
  "Thresholds null: the evaluated defaults. Empty texts: the built-in words of that language (zh-CN, en).";

/** The FAQ bot's configuration per skill group and per channel. */
export const botConfigOperations: ApiOperation[] = [
  {
    operationId: "listBotConfigs",
    method: "GET",
    path: "/bot/configs",
    summary: "List bot configurations",
    description: "Skill groups' configurations first, then channels'. A channel's configuration wins over its skill group's; a conversation with neither has no bot.",
    tags: ["Bot"],
    permission: "bot.manage",
    response: { status: 200, description: "Every configuration on one page (`nextCursor` is always null).", body: pageOf(botConfigComponent) },
  },
  {
    operationId: "putSkillGroupBotConfig",
    method: "PUT",
    path: "/bot/configs/skill-groups/{skillGroupId}",
    summary: "Set a skill group's bot",
    description: `Replaces the skill group's configuration (created when missing). ${modes}`,
    tags: ["Bot"],
    permission: "bot.manage",
    pathParams: { skillGroupId: "The skill group's id." },
    body,
    response: { status: 200, description: "The configuration after the change.", body: botConfigComponent },
  },
  {
    operationId: "putChannelBotConfig",
    method: "PUT",
    path: "/bot/configs/channels/{channelId}",
    summary: "Set a channel's bot",
    description: `Replaces the channel's configuration (created when missing); it wins over the skill group's. ${modes}`,
    tags: ["Bot"],
    permission: "bot.manage",
    pathParams: { channelId: "The channel's id." },
    body,
    response: { status: 200, description: "The configuration after the change.", body: botConfigComponent },
  },
];
