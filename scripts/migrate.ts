// `npm run db:migrate`: applies committed migrations to DATABASE_URL, or to the PGlite folder when unset.
import { openDatabase } from "@/db/client";

const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined });
console.log(`migrations applied (${handle.kind})`);
await handle.close();
