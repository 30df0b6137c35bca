import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { migratePglite } from "@/db/migrate";
let t = Date.now();
const c = await PGlite.create("memory://", { extensions: { pg_trgm } });
await migratePglite(c);
console.log("migrate", Date.now() - t);
t = Date.now();
const blob = await c.dumpDataDir("none");
console.log("dump", Date.now() - t, blob.size);
for (let i = 0; i < 3; i++) {
t = Date.now();
const d = await PGlite.create("memory://", { extensions: { pg_trgm }, loadDataDir: blob });
const t1 = Date.now();
await migratePglite(d);
console.log("load", t1 - t, "migrate-noop", Date.now() - t1, (await d.query("select count(*) from channels")).rows);
await d.close();
}
t = Date.now();
const e = await PGlite.create("memory://", { extensions: { pg_trgm } });
console.log("plain create", Date.now() - t);
