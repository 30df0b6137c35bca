import type { Transporter } from "nodemailer";
import { getDb, type DbOrTx } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { appUrl } from "@/lib/app-url";

export interface Email {
  to: string;
  subject: string;
  text: string;
}

/** Where mail goes: a real SMTP server when SMTP_URL is set, otherwise the local outbox table. */
export function mailTransportKind(env: Record<string, string | undefined> = process.env): "smtp" | "outbox" {
  return env.SMTP_URL ? "smtp" : "outbox";
}

export function mailFrom(env: Record<string, string | undefined> = process.env): string {
  return env.MAIL_FROM || `Messenger Desk <no-reply@${new URL(appUrl()).hostname}>`;
}

const slot = globalThis as unknown as { __messengerDeskMailer?: Promise<Transporter> };

function smtpTransport(url: string): Promise<Transporter> {
  slot.__messengerDeskMailer ??= import("nodemailer").then(({ createTransport }) => createTransport(url));
  return slot.__messengerDeskMailer;
}

/**
 * Sends one email. Without SMTP_URL the message is written to the outbox (inside `db` when a transaction
 * is given, so it exists only if the change that caused it commits). SMTP failures throw: callers decide
 * whether the action fails or the person can ask again.
 */
export async function sendEmail(email: Email, db?: DbOrTx): Promise<void> {
  const url = process.env.SMTP_URL;
  if (url) {
    const transport = await smtpTransport(url);
    await transport.sendMail({ from: mailFrom(), to: email.to, subject: email.subject, text: email.text });
    return;
  }
  await (db ?? (await getDb())).insert(outboxEmails).values({ to: email.to, subject: email.subject, text: email.text });
}
