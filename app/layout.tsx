import type { Metadata } from "next";
import type { ReactNode } from "react";
import { HydratedMark } from "@/components/shell/hydrated-mark";
import { RouteFocus } from "@/components/shell/route-focus";
import { I18nProvider } from "@/lib/i18n/client";
import { getT } from "@/lib/i18n/server";
import { messagesFor } from "@/lib/i18n/translate";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: { default: t("app.name"), template: `%s · ${t("app.name")}` }, description: t("app.tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await getT();
  return (
    <html lang={locale}>
      <body className="min-h-dvh font-sans">
        <I18nProvider locale={locale} messages={messagesFor(locale)}>
          {children}
        </I18nProvider>
        <RouteFocus />
        <HydratedMark />
      </body>
    </html>
  );
}
