// `npm run admin:grant-owner -- <email>` / `npm run admin:revoke-owner -- <email>`: run by whoever operates
// the server, against the configured database (DATABASE_URL, or the PGlite folder when unset). With PGlite,
// stop the app first: the embedded database allows one process at a time.
import { openDatabase } from "@/db/client";
import { grantInstanceOwner, revokeInstanceOwner } from "@/lib/tenancy/instance-owner";

const [command, email] = process.argv.slice(2);
if ((command !== "grant" && command !== "revoke") || !email) {
  console.error("usage: npm run admin:grant-owner -- <email>   |   npm run admin:revoke-owner -- <email>");
  process.exit(2);
}
const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined });
try {
  const result = command === "grant" ? await grantInstanceOwner(handle.db, email) : await revokeInstanceOwner(handle.db, email);
  const verb = command === "grant" ? (result.changed ? "is now an instance owner" : "was already an instance owner") : result.changed ? "is no longer an instance owner" : "was not an instance owner";
  console.log(`${result.email} ${verb} (${handle.kind}).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
