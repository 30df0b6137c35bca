import { apiKeys } from "@/db/schema";
import { ApiKey, API_KEY_PREFIX } from "./schemas";

type Row = typeof apiKeys.$inferSelect;

type Creator = { id: string; name: string; email: string } | null;

export function toApiKey(r: Row, creator: Creator): ApiKey {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    role: r.role,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    createdBy: creator,
  };
}

export function displayPrefix(secret: string): string {
  return secret.slice(0, API_KEY_PREFIX.length + 6);
}
