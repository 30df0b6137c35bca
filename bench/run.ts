/**
 * `npm run bench [name...]`: runs each benchmark in bench/benchmarks (or only the named ones) one after
 * another, prints its figures and writes them to bench/results/<name>.json with the machine noted.
 * A benchmark is a module whose default export is `async () => Record<string, unknown>` (its figures).
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = path.join(import.meta.dirname, "benchmarks");
const resultsDir = path.join(import.meta.dirname, "results");
const wanted = process.argv.slice(2);

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? "unknown",
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  database: process.env.DATABASE_URL ? "postgres" : "pglite",
};

const files = readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .sort()
  .filter((f) => wanted.length === 0 || wanted.includes(path.basename(f, ".ts")));

mkdirSync(resultsDir, { recursive: true });
let failed = 0;
for (const file of files) {
  const name = path.basename(file, ".ts");
  console.log(`\n== ${name}`);
  try {
    // `resultName` lets a partial run (e.g. only the campaigns bench's marketing run) keep the full run's figures.
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: () => Promise<Record<string, unknown>>; resultName?: () => string };
    const figures = await mod.default();
    const record = { name, at: new Date().toISOString(), machine, figures };
    writeFileSync(path.join(resultsDir, `${mod.resultName?.() ?? name}.json`), JSON.stringify(record, null, 2) + "\n");
    console.log(JSON.stringify(figures, null, 2));
  } catch (error) {
    failed++;
    console.error(`benchmark ${name} failed:`, error);
  }
}
process.exit(failed ? 1 : 0);
