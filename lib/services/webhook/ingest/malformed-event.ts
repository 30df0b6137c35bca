/**
 * Why a signed messaging event cannot be stored, or null when it can. Meta's events are a few levels deep
 * with numeric timestamps and string ids; anything else would fail the insert of the whole batch, and a
 * batch that fails answers 503, which Meta redelivers for an hour. Such an event is dropped instead.
 */
const MAX_DEPTH = 32;

export function malformedEventReason(event: unknown): string | null {
  if (typeof event !== "object" || event === null || Array.isArray(event)) return "the event is not an object";
  if (nestedDeeperThan(event, MAX_DEPTH)) return `the event is nested more than ${MAX_DEPTH} levels deep`;
  const { timestamp, sender, recipient } = event as { timestamp?: unknown; sender?: unknown; recipient?: unknown };
  if (timestamp !== undefined && !(typeof timestamp === "number" && Number.isSafeInteger(timestamp) && timestamp >= 0)) {
    return "the event's timestamp is not a time in milliseconds";
  }
  for (const [name, party] of [["sender", sender], ["recipient", recipient]] as const) {
    if (party === undefined) continue;
    const id = (party as { id?: unknown } | null)?.id;
    if (typeof party !== "object" || party === null || (id !== undefined && typeof id !== "string")) return `the event's ${name} id is not a string`;
  }
  // PostgreSQL's jsonb refuses the NUL character, so one NUL would fail the batch.
  if (JSON.stringify(event).includes("\\u0000")) return "the event contains a NUL character";
  return null;
}

/** Walks without recursion, so a hostile depth cannot overflow the stack that checks it. */
function nestedDeeperThan(root: object, max: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > max) return true;
    if (typeof value !== "object" || value === null) continue;
    for (const child of Object.values(value)) if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}
