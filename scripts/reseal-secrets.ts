// `npm run admin:reseal-secrets`: after putting a new key first in ENCRYPTION_KEY (docs/deployment.md,
// "Rotating secrets"), seals every secret still on an older key with the new one, against the configured
// database (DATABASE_URL, or the PGlite folder: stop the app first). Safe while the app runs on PostgreSQL,
// and safe to run again. When it reports 0 left, the old keys may leave ENCRYPTION_KEY.
import { openDatabase } from "@/db/client";
import { resealSecrets } from "@/lib/crypto/reseal-secrets";

if (!process.env.ENCRYPTION_KEY) {
  console.error("Set ENCRYPTION_KEY to the instances' value (new key first, old keys after it) before re-sealing.");
  process.exit(2);
}
const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined });
try {
  const counts = await resealSecrets(handle.db);
  for (const { where, resealed, changedMeanwhile } of counts) {
    if (resealed || changedMeanwhile) console.log(`${where}: ${resealed} re-sealed${changedMeanwhile ? `, ${changedMeanwhile} changed by the app meanwhile (already on the new key)` : ""}`);
  }
  const total = counts.reduce((sum, c) => sum + c.resealed, 0);
  console.log(`${total} secret(s) re-sealed with the current key (${handle.kind}); none is left on an older key.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
