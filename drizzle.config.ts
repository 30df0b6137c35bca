import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema/index.ts (a domain's tables count once they are exported there)
// and committed; they are applied by db/migrate.ts at start-up and by `npm run db:migrate`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
