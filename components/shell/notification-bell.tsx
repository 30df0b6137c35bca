"use client";

import Link from "next/link";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useLiveEvents } from "@/components/query/live-events";
import { useI18n } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/tenancy/action";

// The list and the alert settings load when the bell is first opened: every page carries the bell.
const NotificationPanel = lazy(() => import("./notification-panel"));

export interface BellNotification {
  id: string;
  kind: "mention" | "assigned" | "transferred" | "channel_reconnect_needed";
  conversationId: string | null;
  channelId: string | null;
  channelName: string | null;
  contactLabel: string | null;
  actorName: string | null;
  excerpt: string | null;
  readAt: string | null;
  createdAt: string;
}

/** A notification this recent, heard live, pops up; older ones only wait in the bell. */
const POPUP_WITHIN_MS = 2 * 60_000;

/**
 * The top bar's bell: the member's unread count, their latest notifications (loaded when opened) and "mark
 * all read"; each links to its conversation. When a conversation is assigned or transferred to the member,
 * a notice pops up in the page (role=status, with "Open"), and, if they turned them on in the bell, a
 * browser notification and a short sound.
 */
export function NotificationBell({
  orgSlug,
  membershipId,
  initialUnread,
  load,
  markRead,
}: {
  orgSlug: string;
  membershipId: string;
  initialUnread: number;
  load: (orgSlug: string) => Promise<ActionResult<{ items: BellNotification[]; unread: number }>>;
  markRead: (orgSlug: string, input: { ids: string[] } | { all: true }) => Promise<ActionResult<unknown>>;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [unread, setUnread] = useState(initialUnread);
  const [items, setItems] = useState<BellNotification[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [popups, setPopups] = useState<BellNotification[]>([]);
  const popped = useRef(new Set<string>());
  const root = useRef<HTMLDivElement>(null);
  const href = (n: BellNotification) =>
    n.channelId ? `/o/${orgSlug}/channels/${n.channelId}` : n.conversationId ? `/o/${orgSlug}/conversations/${n.conversationId}` : `/o/${orgSlug}/conversations`;
  const sentence = (n: BellNotification) => {
    const vars = { actor: n.actorName ?? t("notifications.someone"), contact: n.contactLabel ?? t("notifications.aPerson"), channel: n.channelName ?? "" };
    if (n.kind === "assigned" && !n.actorName) return t("notifications.kind.assignedAuto", vars);
    return t(`notifications.kind.${n.kind}`, vars);
  };

  const refresh = async (): Promise<BellNotification[] | null> => {
    const result = await load(orgSlug);
    if (!result.ok) {
      setFailed(true);
      return null;
    }
    setFailed(false);
    setItems(result.data.items);
    setUnread(result.data.unread);
    return result.data.items;
  };

  useLiveEvents((event) => {
    if (event.type !== "notification.created" || event.membershipId !== membershipId) return;
    setUnread((n) => n + 1);
    void refresh().then((list) => {
      const fresh = (list ?? []).filter((n) => !n.readAt && n.kind !== "mention" && !popped.current.has(n.id) && Date.now() - Date.parse(n.createdAt) < POPUP_WITHIN_MS);
      if (fresh.length === 0) return;
      fresh.forEach((n) => popped.current.add(n.id));
      setPopups((current) => [...fresh, ...current].slice(0, 3));
      // The alert helpers load only when something pops up (kept out of every page's first load).
      void import("./desk-alerts").then(({ readAlertPrefs, playChime, showBrowserNotification }) => {
        const prefs = readAlertPrefs();
        if (prefs.sound) playChime();
        if (prefs.browser) for (const n of fresh) showBrowserNotification(t("notifications.popupTitle"), sentence(n), href(n), n.id);
      });
    });
  });

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onPointer = (e: PointerEvent) => root.current && !root.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next) void refresh();
  };
  const markAll = async () => {
    const result = await markRead(orgSlug, { all: true });
    if (result.ok) {
      setUnread(0);
      setItems((list) => list?.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() })) ?? null);
    }
  };
  const openOne = (n: BellNotification) => {
    setPopups((list) => list.filter((p) => p.id !== n.id));
    setOpen(false);
    if (!n.readAt) {
      setUnread((count) => Math.max(0, count - 1));
      void markRead(orgSlug, { ids: [n.id] });
    }
  };
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-label={unread > 0 ? t("notifications.bellUnread", { count: unread }) : t("notifications.bell")}
        onClick={toggle}
        className="relative flex size-9 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
        data-testid="notification-bell"
      >
        <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" className="size-5" aria-hidden="true">
          <path d="M10 3a4.5 4.5 0 0 0-4.5 4.5v2.7L4 13h12l-1.5-2.8V7.5A4.5 4.5 0 0 0 10 3ZM8.2 15.5a1.9 1.9 0 0 0 3.6 0" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {unread > 0 && (
          <span className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white" aria-hidden="true" data-testid="notification-unread">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <Suspense fallback={null}>
          <NotificationPanel items={items} failed={failed} unread={unread} href={href} sentence={sentence} onMarkAll={() => void markAll()} onOpen={openOne} />
        </Suspense>
      )}
      <div role="status" aria-live="polite" className="fixed right-4 bottom-4 z-40 flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-2" data-testid="desk-popups">
        {popups.map((n) => (
          <div key={n.id} className="rounded-xl border border-zinc-200 bg-white p-3 text-sm shadow-lg">
            <p className="font-semibold text-zinc-900">{t("notifications.popupTitle")}</p>
            <p className="mt-0.5 text-zinc-700">{sentence(n)}</p>
            {n.excerpt && <p className="mt-0.5 text-xs text-zinc-500">“{n.excerpt}”</p>}
            <div className="mt-2 flex justify-end gap-2">
              <button type="button" onClick={() => setPopups((list) => list.filter((p) => p.id !== n.id))} className="rounded-md px-2.5 py-1 text-[13px] text-zinc-600 hover:bg-zinc-100">
                {t("common.dismiss")}
              </button>
              <Link href={href(n)} onClick={() => openOne(n)} className="rounded-md bg-accent-600 px-2.5 py-1 text-[13px] font-medium text-white hover:bg-accent-700">
                {t("notifications.popupOpen")}
              </Link>
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
