// Creates an empty database on the server named by DATABASE_URL and prints its URL (for CI and e2e runs).
import postgres from "postgres";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error("DATABASE_URL is not set");
  process.exit(2);
}
const prefix = (process.argv[2] ?? "md").replace(/[^a-z0-9_]/g, "");
const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
await admin.end();
const url = new URL(serverUrl);
url.pathname = `/${name}`;
console.log(url.toString());
