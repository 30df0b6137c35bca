import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PostgreSQL database that each test file's database is copied from (`create database … template`). */
    templateDatabase: string | null;
    /** A dump of a migrated PGlite data folder that each test file's database is loaded from. */
    pgliteDumpPath: string | null;
  }
}

/**
 * Migrates one database for the whole run, so the hundred-odd test files each start from a copy instead of
 * running every migration again (on PGlite that was about five seconds a file). Files still get their own
 * database; the migrations themselves stay tested by db/*.test.ts, which open databases without the template.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `md_template_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
    const { default: postgres } = await import("postgres");
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    // Migrated, then closed: PostgreSQL copies a template only while nobody is connected to it.
    await (await openDatabase({ url: url.toString(), max: 1 })).close();
    project.provide("templateDatabase", name);
    project.provide("pgliteDumpPath", null);
    return async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.end({ timeout: 5 });
    };
  }
  const folder = mkdtempSync(path.join(os.tmpdir(), "md-pglite-template-"));
  const file = path.join(folder, "migrated.tar");
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { migratePglite } = await import("@/db/migrate");
  const client = await PGlite.create("memory://", { extensions: { pg_trgm } });
  await migratePglite(client);
  const dump = await client.dumpDataDir("none");
  await client.close();
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("templateDatabase", null);
  project.provide("pgliteDumpPath", file);
  return async () => rmSync(folder, { recursive: true, force: true });
}
