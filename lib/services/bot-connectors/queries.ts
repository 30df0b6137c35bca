import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { botConnectors } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenancy/context";
import type { Connector } from "./schemas";

type Row = typeof botConnectors.$inferSelect;

/** A connector as the dashboard and the API see it: never its secret, sealed or not. */
export function toConnector(row: Row): Connector {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    timeoutMs: row.timeoutMs,
    fallback: row.fallback,
    enabled: row.enabled,
    lastError: row.lastError,
    lastErrorAt: row.lastErrorAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Fetch-or-throw within the tenant: another organisation's connector is NotFound. */
export async function getConnectorInOrg(db: DbOrTx, ctx: Pick<OrgContext, "org">, id: string): Promise<Row> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError("botConnectors.errors.notFound");
  const [row] = await db
    .select()
    .from(botConnectors)
    .where(and(eq(botConnectors.orgId, ctx.org.id), eq(botConnectors.id, id)));
  if (!row) throw new NotFoundError("botConnectors.errors.notFound");
  return row;
}

/** What the audit log keeps of a connector: its settings, never the secret. */
export function auditedFields(row: Pick<Row, "name" | "url" | "timeoutMs" | "fallback" | "enabled">) {
  return { name: row.name, url: row.url, timeoutMs: row.timeoutMs, fallback: row.fallback, enabled: row.enabled };
}
