import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { mailTransportKind } from "@/lib/email/send";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { listOutbox } from "@/lib/services/outbox";
import { PlainHeader } from "@/components/shell/plain-header";
import { MAIN_ID } from "@/components/shell/skip-link";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("outbox.title") };
}

/** Instance owners read here the mail that was written instead of sent; anyone else gets the 404 page. */
export default async function OutboxPage() {
  const [user, { t, locale }] = await Promise.all([getSessionUser(), getT()]);
  const emails = await listOutbox({ user, input: { limit: 100 } }).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <div className="flex min-h-dvh flex-col bg-zinc-50">
      <PlainHeader />
      <main id={MAIN_ID} tabIndex={-1} className="outline-none mx-auto w-full max-w-4xl px-4 pb-16">
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900">{t("outbox.title")}</h1>
        <p className="mt-1 text-sm text-zinc-500">{mailTransportKind() === "smtp" ? t("outbox.smtpOn") : t("outbox.subtitle")}</p>
        {emails.length === 0 ? (
          <p className="mt-8 text-sm text-zinc-500">{t("outbox.empty")}</p>
        ) : (
          <ul className="mt-6 space-y-4">
            {emails.map((email) => (
              <li key={email.id} data-testid="outbox-email" className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm">
                <dl className="grid grid-cols-[6rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-zinc-500">{t("outbox.to")}</dt>
                  <dd className="font-medium break-all text-zinc-900">{email.to}</dd>
                  <dt className="text-zinc-500">{t("outbox.subject")}</dt>
                  <dd className="text-zinc-900">{email.subject}</dd>
                  <dt className="text-zinc-500">{t("outbox.writtenAt")}</dt>
                  <dd className="text-zinc-700">
                    <time dateTime={email.createdAt}>{formatDateTime(email.createdAt, locale, { seconds: true })}</time>
                  </dd>
                </dl>
                <pre className="mt-4 overflow-x-auto rounded-lg bg-zinc-50 p-3 text-xs break-all whitespace-pre-wrap text-zinc-700">{email.text}</pre>
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
