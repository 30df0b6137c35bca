import { z } from "zod";
import type { LocalizableMessage } from "@/lib/i18n/translate";
import { say } from "@/lib/validation";

/** How long a started login may take to come back from Meta's dialog (the `state`'s life). */
export const LOGIN_STATE_TTL_MS = 10 * 60 * 1000;
/** After the return, how long the member has to pick Pages before the sealed user token is dropped. */
export const LOGIN_PICK_TTL_MS = 60 * 60 * 1000;
/** Open (started, not yet returned, unexpired) runs a member may have at once. */
export const MAX_OPEN_LOGINS = 5;
/** The Page task that lets a person message as the Page (Meta's tasks: MESSAGING, MODERATE, MANAGE, ...). */
export const MESSAGING_TASK = "MESSAGING";

export const startFacebookLoginSchema = z
  .object({
    purpose: z.enum(["connect", "reconnect"]),
    channelId: z.uuid().optional(),
  })
  .refine((value) => value.purpose === "connect" || value.channelId !== undefined, { error: say("facebookLogin.errors.channelRequired"), path: ["channelId"] });
export type StartFacebookLoginInput = z.input<typeof startFacebookLoginSchema>;

/** What Meta's dialog sends back to the redirect URI (each value as Meta words it; all optional on the wire). */
export const finishFacebookLoginSchema = z.object({
  state: z.string().max(200).optional(),
  code: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  errorReason: z.string().max(200).optional(),
  errorDescription: z.string().max(1000).optional(),
});
export type FinishFacebookLoginInput = z.input<typeof finishFacebookLoginSchema>;

export const connectFacebookPagesSchema = z.object({
  choices: z
    .array(
      z.object({
        pageId: z.string().regex(/^\d{1,25}$/),
        skillGroupId: z.uuid({ error: say("channels.errors.skillGroupRequired") }),
      }),
    )
    .min(1, { error: say("facebookLogin.errors.noChoice") })
    .max(100),
});
export type ConnectFacebookPagesInput = z.input<typeof connectFacebookPagesSchema>;

/** A stored failure of a run: a catalog key and its values (rendered in the reader's language). */
export interface LoginFailure {
  key: string;
  values?: Record<string, string>;
}

/** One offered Page as the picker shows it. */
export interface PickerPage {
  id: string;
  name: string;
  pictureUrl: string | null;
  canMessage: boolean;
  /** The channel of this organisation that has the Page, if any. */
  connectedHereChannelId: string | null;
  /** Connected in another organisation (the person proved they manage the Page, so saying so leaks nothing). */
  connectedElsewhere: boolean;
}

/** A login run as its member sees it: never the user token. */
export interface FacebookLoginView {
  id: string;
  purpose: "connect" | "reconnect";
  channelId: string | null;
  facebookUserName: string | null;
  failure: LoginFailure | null;
  declinedScopes: string[];
  completed: boolean;
  pages: PickerPage[];
}

/** What happened to one chosen Page. */
export interface ConnectPageResult {
  pageId: string;
  pageName: string;
  status: "connected" | "check_failed" | "failed";
  channelId: string | null;
  /** Why it failed (or what the check found), in words. */
  reason: LocalizableMessage | null;
}
