import { z } from "zod";
import { BOT_PAYLOAD } from "@/lib/services/bot";
import { inputString, required, say } from "@/lib/validation";
import { DEFAULT_GET_STARTED_PAYLOAD, GREETING_MAX, MENU_ITEMS_MAX, MENU_TITLE_MAX, PAYLOAD_MAX } from "./constants";

export * from "./constants";

const localeSchema = z
  .string()
  .regex(/^(default|[a-z]{2}_[A-Z]{2})$/, { error: say("messengerProfile.errors.locale") })
  .meta({ description: "`default`, or a Meta locale such as `zh_CN`.", examples: ["default", "zh_CN"] });

const menuItemSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("postback"), title: inputString("field.menuTitle", MENU_TITLE_MAX).min(1, required("field.menuTitle")), payload: inputString("field.payload", PAYLOAD_MAX).min(1, required("field.payload")) }),
  z.object({ type: z.literal("web_url"), title: inputString("field.menuTitle", MENU_TITLE_MAX).min(1, required("field.menuTitle")), url: z.url({ protocol: /^https?$/, error: say("messengerProfile.errors.url") }) }),
]);

const uniqueLocales = (list: { locale: string }[]) => new Set(list.map((x) => x.locale)).size === list.length;
const hasDefault = (list: { locale: string }[]) => list.length === 0 || list.some((x) => x.locale === "default");

export const messengerProfileInputSchema = z
  .object({
    /** Null: no Get Started button (then no persistent menu either, as Meta requires). */
    getStartedPayload: inputString("field.payload", PAYLOAD_MAX).min(1, required("field.payload")).nullable(),
    greetings: z
      .array(z.object({ locale: localeSchema, text: inputString("field.greeting", GREETING_MAX).min(1, required("field.greeting")) }))
      .max(20)
      .refine(uniqueLocales, { error: say("messengerProfile.errors.duplicateLocale") })
      .refine(hasDefault, { error: say("messengerProfile.errors.defaultLocale") }),
    persistentMenu: z
      .array(z.object({ locale: localeSchema, composerInputDisabled: z.boolean().default(false), items: z.array(menuItemSchema).min(1, { error: say("messengerProfile.errors.menuEmpty") }).max(MENU_ITEMS_MAX, { error: say("messengerProfile.errors.menuTooLong", { max: MENU_ITEMS_MAX }) }) }))
      .max(20)
      .refine(uniqueLocales, { error: say("messengerProfile.errors.duplicateLocale") })
      .refine(hasDefault, { error: say("messengerProfile.errors.defaultLocale") }),
  })
  .refine((p) => p.persistentMenu.length === 0 || p.getStartedPayload !== null, { error: say("messengerProfile.errors.menuNeedsGetStarted"), path: ["getStartedPayload"] });
export type MessengerProfileInput = z.input<typeof messengerProfileInputSchema>;
export type MessengerProfileData = z.output<typeof messengerProfileInputSchema>;

export const messengerProfileSchema = z.object({
  channelId: z.uuid(),
  getStartedPayload: z.string().nullable().meta({ examples: ["GET_STARTED"] }),
  greetings: z.array(z.object({ locale: z.string(), text: z.string() })),
  persistentMenu: z.array(
    z.object({
      locale: z.string(),
      composerInputDisabled: z.boolean(),
      items: z.array(z.union([z.object({ type: z.literal("postback"), title: z.string(), payload: z.string() }), z.object({ type: z.literal("web_url"), title: z.string(), url: z.string() })])),
    }),
  ),
  /** False: nothing saved yet, the fields are the suggested default (a "Talk to a human / 转人工" menu). */
  saved: z.boolean(),
  /** When Meta last took the saved profile; null when never, or when the last apply failed (see lastError). */
  appliedAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
});
export type MessengerProfile = z.infer<typeof messengerProfileSchema>;

/** What a channel starts from: Get Started, a greeting and a "talk to a human" menu in both languages. */
export function defaultMessengerProfile(): MessengerProfileData {
  return {
    getStartedPayload: DEFAULT_GET_STARTED_PAYLOAD,
    greetings: [
      { locale: "default", text: "Hi {{user_first_name}}! Ask us anything, or tap “Talk to a human”." },
      { locale: "zh_CN", text: "{{user_first_name}}，您好！有问题尽管问，也可以点“转人工”。" },
    ],
    persistentMenu: [
      { locale: "default", composerInputDisabled: false, items: [{ type: "postback", title: "Talk to a human", payload: BOT_PAYLOAD.talkToHuman }] },
      { locale: "zh_CN", composerInputDisabled: false, items: [{ type: "postback", title: "转人工", payload: BOT_PAYLOAD.talkToHuman }] },
    ],
  };
}
