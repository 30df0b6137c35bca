/**
 * A page's title, most specific first: "Spring sale · Campaigns" (the root layout's template adds
 * " · Messenger Desk"). Empty parts (a name that could not be read) are left out.
 */
export function pageTitle(...parts: (string | null | undefined)[]): string {
  return parts
    .map((part) => part?.trim())
    .filter((part): part is string => Boolean(part))
    .join(" · ");
}
