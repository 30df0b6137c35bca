import { randomBytes } from "node:crypto";

/** A URL-safe slug from an organisation name; names in Chinese (or anything non-Latin) get a random slug. */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base.length >= 2 ? base : `org-${randomBytes(3).toString("hex")}`;
}

export function withRandomSuffix(slug: string): string {
  return `${slug.slice(0, 40)}-${randomBytes(3).toString("hex")}`;
}
