/**
 * The campaign form's scheduled time: typed as wall-clock time in the organisation's time zone (Settings →
 * General), whatever zone the browser is in, and sent as ISO 8601 with that zone's offset (the server stores UTC).
 */

const pad = (n: number) => String(n).padStart(2, "0");

/** The wall-clock fields of `instant` in `zone`. */
function wallClock(instant: number, zone: string) {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** How far `zone` is ahead of UTC at `instant`, in minutes. */
function offsetMinutes(instant: number, zone: string): number {
  const w = wallClock(instant, zone);
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000) / 60_000);
}

function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes >= 0 ? "+" : "-"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The zone's name with its offset now, for the hint (e.g. "Asia/Shanghai, UTC+08:00"). */
export function timeZoneLabel(zone: string): string {
  return `${zone}, UTC${formatOffset(offsetMinutes(Date.now(), zone))}`;
}

/** datetime-local value ("2030-05-01T09:00") as wall-clock time in `zone` → ISO 8601 with that zone's offset. */
export function localToIsoWithOffset(local: string, zone: string): string | null {
  if (!local) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(local);
  if (!m) return local;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  // The offset at the guessed instant, then again at the corrected one (they differ only across a DST change).
  let offset = offsetMinutes(asUtc, zone);
  offset = offsetMinutes(asUtc - offset * 60_000, zone);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}${formatOffset(offset)}`;
}

/** A stored UTC instant → the datetime-local value in `zone`. */
export function isoToLocal(iso: string | null, zone: string): string {
  if (!iso) return "";
  const w = wallClock(new Date(iso).getTime(), zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}
