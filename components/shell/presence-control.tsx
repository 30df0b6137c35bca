"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useI18n } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/tenancy/action";

type Status = "online" | "away" | "offline";
const DOT: Record<Status, string> = { online: "bg-emerald-500", away: "bg-amber-400", offline: "bg-zinc-400" };
/** The activity heartbeat runs at most this often while the dashboard is used. */
const HEARTBEAT_MS = 60_000;

/**
 * The member's presence (online, away, offline) for routing, in the top bar of members who answer
 * conversations. While the dashboard is used (pointer, keys), it tells the server at most once a minute, so
 * the idle sweep only marks away someone who really left; a presence set by hand is never overridden.
 */
export function PresenceControl({
  orgSlug,
  initial,
  setPresence,
  heartbeat,
}: {
  orgSlug: string;
  initial: Status;
  setPresence: (orgSlug: string, status: Status) => Promise<ActionResult<{ status: Status }>>;
  heartbeat: (orgSlug: string) => Promise<ActionResult<{ status: Status }>>;
}) {
  const { t, serverMessage } = useI18n();
  const [status, setStatus] = useState<Status>(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const last = useRef(0);

  useEffect(() => {
    const beat = () => {
      const now = Date.now();
      if (now - last.current < HEARTBEAT_MS || document.visibilityState !== "visible") return;
      last.current = now;
      void heartbeat(orgSlug).then((result) => result.ok && setStatus(result.data.status));
    };
    beat();
    window.addEventListener("pointerdown", beat, { passive: true });
    window.addEventListener("keydown", beat);
    window.addEventListener("focus", beat);
    return () => {
      window.removeEventListener("pointerdown", beat);
      window.removeEventListener("keydown", beat);
      window.removeEventListener("focus", beat);
    };
  }, [orgSlug, heartbeat]);

  const choose = (next: Status) =>
    startTransition(async () => {
      const result = await setPresence(orgSlug, next);
      if (result.ok) {
        setStatus(result.data.status);
        setError(null);
      } else setError(serverMessage(result.error) || t("presence.failed"));
    });

  return (
    <div className="flex items-center gap-1.5">
      <span aria-hidden="true" className={`size-2.5 rounded-full ${DOT[status]}`} />
      <label htmlFor="presence-control" className="sr-only">
        {t("presence.label")}
      </label>
      <select
        id="presence-control"
        value={status}
        disabled={pending}
        onChange={(e) => choose(e.target.value as Status)}
        className="h-8 rounded-md border border-zinc-200 bg-white pr-6 pl-2 text-[13px] text-zinc-700 hover:border-zinc-300"
        data-testid="presence-control"
        aria-describedby={error ? "presence-error" : undefined}
      >
        {(["online", "away", "offline"] as const).map((s) => (
          <option key={s} value={s}>
            {t(`desk.presence.${s}`)}
          </option>
        ))}
      </select>
      {error && (
        <span id="presence-error" role="alert" className="max-w-48 truncate text-xs text-red-700" title={error}>
          {error}
        </span>
      )}
    </div>
  );
}
