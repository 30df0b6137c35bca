// Drops the database named in the URL given as argument (one that fresh-database.ts created for a CI or
// e2e run), connecting to the server's "postgres" database to do it. Never fails the run it ends.
import postgres from "postgres";

const target = process.argv[2];
if (!target) {
  console.error("usage: drop-database.ts <database url>");
  process.exit(2);
}
const url = new URL(target);
const name = url.pathname.replace(/^\//, "");
if (!/^md_(ci|e2e)_[a-z0-9_]+$/.test(name)) {
  console.error(`refusing to drop ${name}: only databases made for CI or e2e runs (md_ci_*, md_e2e_*)`);
  process.exit(0);
}
url.pathname = "/postgres";
const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
try {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  console.log(`dropped ${name}`);
} catch (error) {
  console.error(`could not drop ${name}: ${(error as Error).message}`);
} finally {
  await admin.end();
}
