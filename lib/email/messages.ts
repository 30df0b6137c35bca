import { translator, type MessageKey, type Translate, type Vars } from "@/lib/i18n/translate";
import type { Role } from "@/lib/permissions";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import type { Email } from "./send";

/**
 * Mail goes to people whose language we may not know yet: every message carries both languages, the reader's
 * own first when we know it.
 */
function bilingual(to: string, subjectKey: MessageKey, bodyKey: MessageKey, vars: (t: Translate) => Vars, first?: Locale): Email {
  const ts = [...LOCALES].sort((a, b) => Number(b === first) - Number(a === first)).map((locale) => translator(locale));
  return {
    to,
    subject: ts.map((t) => t(subjectKey, vars(t))).join(" / "),
    text: ts.map((t) => t(bodyKey, vars(t))).join("\n\n----------\n\n") + "\n",
  };
}

export function invitationEmail(to: string, vars: { org: string; role: Role; link: string; days: number }): Email {
  return bilingual(to, "email.invitation.subject", "email.invitation.body", (t) => ({ ...vars, role: t(`role.${vars.role}`) }));
}

export function verificationEmail(to: string, vars: { link: string; hours: number }): Email {
  return bilingual(to, "email.verify.subject", "email.verify.body", () => vars);
}

export function passwordResetEmail(to: string, vars: { link: string; hours: number }): Email {
  return bilingual(to, "email.reset.subject", "email.reset.body", () => vars);
}

/** Goes to the NEW address: opening its link is what moves the account there. */
export function emailChangeEmail(to: string, vars: { link: string; hours: number }): Email {
  return bilingual(to, "email.changeEmail.subject", "email.changeEmail.body", () => vars);
}

/** Goes to the OLD address once the change is made, so a change its owner did not make does not go unnoticed. */
export function emailChangedNotice(to: string, vars: { email: string }): Email {
  return bilingual(to, "email.emailChanged.subject", "email.emailChanged.body", () => vars);
}

/**
 * To an organisation's owners and admins when Meta stops accepting a channel's Page token: which channel, why
 * in words (`reason`, a message key chosen by Graph's subcode) and Meta's own message, and the channel's page.
 */
export function channelReconnectEmail(to: string, locale: Locale, vars: { org: string; channel: string; reason: MessageKey; message: string; link: string }): Email {
  return bilingual(to, "email.channelReconnect.subject", "email.channelReconnect.body", (t) => ({ ...vars, reason: t(vars.reason) }), locale);
}
