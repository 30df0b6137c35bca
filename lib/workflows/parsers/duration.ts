const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parses the SDK's time strings ("2s", "1h30m", "1d", "500ms") into milliseconds; null when malformed. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const pattern = /(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/gy;
  let total = 0;
  let consumed = 0;
  for (const match of trimmed.matchAll(pattern)) {
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
    consumed += match[0].length;
  }
  return consumed === trimmed.length && consumed > 0 ? total : null;
}

/** A Sleep op names either a duration ("2s") or an ISO date (sleepUntil); returns the wake time. */
export function sleepWakeAt(name: string, now: number): Date | null {
  const ms = parseDuration(name);
  if (ms !== null) return new Date(now + ms);
  const at = Date.parse(name);
  return Number.isNaN(at) ? null : new Date(at);
}
