"use client";

import Link from "next/link";
import { useState } from "react";
import { Time } from "@/components/ui/time";
import { useI18n } from "@/lib/i18n/client";
import { readAlertPrefs, writeAlertPrefs, type AlertPrefs } from "./desk-alerts";
import type { BellNotification } from "./notification-bell";

/** The bell's drop-down: the latest notifications, "mark all read", and the opt-in alerts (browser notification, sound). */
export default function NotificationPanel({
  items,
  failed,
  unread,
  href,
  sentence,
  onMarkAll,
  onOpen,
}: {
  items: BellNotification[] | null;
  failed: boolean;
  unread: number;
  href: (n: BellNotification) => string;
  sentence: (n: BellNotification) => string;
  onMarkAll: () => void;
  onOpen: (n: BellNotification) => void;
}) {
  const { t } = useI18n();
  const [prefs, setPrefs] = useState<AlertPrefs>(readAlertPrefs);
  const [browserNote, setBrowserNote] = useState<string | null>(null);
  const choose = async (change: Partial<AlertPrefs>) => {
    setBrowserNote(null);
    let next = { ...prefs, ...change };
    if (change.browser) {
      if (typeof Notification === "undefined") {
        setBrowserNote(t("notifications.browserUnsupported"));
        next = { ...next, browser: false };
      } else if ((await Notification.requestPermission()) !== "granted") {
        setBrowserNote(t("notifications.browserDenied"));
        next = { ...next, browser: false };
      }
    }
    setPrefs(next);
    writeAlertPrefs(next);
  };

  return (
    <div role="dialog" aria-label={t("notifications.bell")} className="absolute right-0 z-30 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-xl border border-zinc-200 bg-white shadow-lg">
      <div className="flex items-center justify-between border-b border-zinc-100 px-3 py-2">
        <h2 className="text-sm font-semibold text-zinc-900">{t("notifications.bell")}</h2>
        <button type="button" onClick={onMarkAll} disabled={unread === 0} className="text-xs font-medium text-accent-700 hover:underline disabled:text-zinc-400 disabled:no-underline">
          {t("notifications.markAllRead")}
        </button>
      </div>
      <div className="max-h-80 overflow-y-auto">
        {failed ? (
          <p role="alert" className="px-3 py-4 text-sm text-red-700">
            {t("notifications.loadFailed")}
          </p>
        ) : items === null ? (
          <p className="px-3 py-4 text-sm text-zinc-500">{t("common.loading")}</p>
        ) : items.length === 0 ? (
          <p className="px-3 py-4 text-sm text-zinc-500">{t("notifications.empty")}</p>
        ) : (
          <ul className="divide-y divide-zinc-100" data-testid="notification-list">
            {items.map((n) => (
              <li key={n.id}>
                <Link href={href(n)} onClick={() => onOpen(n)} className={`block px-3 py-2 text-sm hover:bg-zinc-50 ${n.readAt ? "text-zinc-600" : "font-medium text-zinc-900"}`}>
                  <span className="block">{sentence(n)}</span>
                  {n.excerpt && <span className="mt-0.5 block truncate text-xs font-normal text-zinc-500">“{n.excerpt}”</span>}
                  <span className="mt-0.5 block text-xs font-normal text-zinc-500">
                    <Time iso={n.createdAt} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
      <fieldset className="space-y-1.5 border-t border-zinc-100 px-3 py-2 text-sm">
        <legend className="sr-only">{t("notifications.alerts")}</legend>
        <p aria-hidden="true" className="text-xs font-semibold text-zinc-500">
          {t("notifications.alerts")}
        </p>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={prefs.browser} onChange={(e) => void choose({ browser: e.target.checked })} />
          {t("notifications.browser")}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={prefs.sound} onChange={(e) => void choose({ sound: e.target.checked })} />
          {t("notifications.sound")}
        </label>
        {browserNote && <p className="text-xs text-amber-800">{browserNote}</p>}
      </fieldset>
    </div>
  );
}
