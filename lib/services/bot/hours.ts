import type { DbOrTx } from "@/db/client";
import { isWithinWorkingHours, routingSettingsOf } from "@/lib/services/routing";
import type { BotLanguage } from "./contract";

export interface HoursNow {
  within: boolean;
  /** When agents are next within working hours, in the group's time zone and the person's language; null when within or never. */
  opensAt: string | null;
}

const STEP_MS = 15 * 60_000;

/**
 * The skill group's working hours (routing settings) at `now`: within or not, and when they next begin,
 * found by walking forward in quarter hours for up to eight days (ranges start on minutes of the clock, so a
 * quarter-hour walk lands on them for the usual :00/:15/:30/:45 starts; others round up by under 15 min).
 */
export async function hoursOf(db: DbOrTx, skillGroupId: string | null, language: BotLanguage, now = new Date()): Promise<HoursNow> {
  if (!skillGroupId) return { within: true, opensAt: null };
  const settings = await routingSettingsOf(db, skillGroupId);
  if (isWithinWorkingHours(settings, now)) return { within: true, opensAt: null };
  const start = Math.ceil(now.getTime() / STEP_MS) * STEP_MS;
  for (let at = start; at < now.getTime() + 8 * 86_400_000; at += STEP_MS) {
    if (isWithinWorkingHours(settings, new Date(at))) {
      const format = new Intl.DateTimeFormat(language === "zh-CN" ? "zh-CN" : "en-GB", { timeZone: settings.timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
      return { within: false, opensAt: `${format.format(new Date(at))} (${settings.timeZone})` };
    }
  }
  return { within: false, opensAt: null };
}
