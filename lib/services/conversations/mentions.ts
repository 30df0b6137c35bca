/**
 * @mentions in private notes, browser-safe (no zod). The composer writes a mention as the token
 * `@[Name](membershipId)`: the name as the author saw it and the member's id, so a name with spaces, or two
 * members with one name, stays unambiguous. Plain "@Alice" is just text (nobody is notified).
 */
const MENTION = /@\[([^\]\n]{1,80})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

/** The token the composer inserts for a member (brackets in a name would end it early, so they are dropped). */
export function mentionToken(name: string, membershipId: string): string {
  return `@[${name.replace(/[[\]\n]/g, "").trim() || "?"}](${membershipId})`;
}

/** The distinct membership ids mentioned in a note, in order of first mention. */
export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[2]!.toLowerCase()))];
}

export type NoteSegment = { kind: "text"; text: string } | { kind: "mention"; name: string; membershipId: string };

/** A note cut into text and mentions, for the thread to show each mention as a chip. */
export function noteSegments(body: string): NoteSegment[] {
  const segments: NoteSegment[] = [];
  let last = 0;
  for (const m of body.matchAll(MENTION)) {
    if (m.index > last) segments.push({ kind: "text", text: body.slice(last, m.index) });
    segments.push({ kind: "mention", name: m[1]!, membershipId: m[2]!.toLowerCase() });
    last = m.index + m[0].length;
  }
  if (last < body.length) segments.push({ kind: "text", text: body.slice(last) });
  return segments;
}

/** The note as plain words ("@Alice can you check?"), for notification excerpts and previews. */
export function notePlainText(body: string): string {
  return body.replace(MENTION, (_whole, name: string) => `@${name}`);
}
