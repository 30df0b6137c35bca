"use server";

import { listMyNotifications, markNotificationsRead } from "@/lib/services/notifications";
import { publishDeskEvents, recordActivity, setPresence } from "@/lib/services/routing";
import { orgAction } from "@/lib/tenancy/action";

/** The shell's bell: the member's own notifications (loaded when opened, and on "notification.created"). */
export async function listMyNotificationsAction(orgSlug: string) {
  return orgAction(orgSlug, null, (ctx) => listMyNotifications({ ctx }));
}

export async function markNotificationsReadAction(orgSlug: string, input: { ids: string[] } | { all: true }) {
  return orgAction(orgSlug, null, (ctx) => markNotificationsRead({ ctx, input }));
}

/** The shell's presence control (members who answer conversations). */
export async function setPresenceAction(orgSlug: string, status: "online" | "away" | "offline") {
  return orgAction(orgSlug, "conversations.reply", async (ctx) => {
    const { presence, events } = await setPresence({ ctx, input: { status } });
    await publishDeskEvents(events);
    return presence;
  });
}

/** The activity heartbeat: the dashboard is open and used (the browser calls it at most once a minute). */
export async function recordActivityAction(orgSlug: string) {
  return orgAction(orgSlug, "conversations.reply", async (ctx) => {
    const { presence, events } = await recordActivity({ ctx });
    await publishDeskEvents(events);
    return presence;
  });
}
