#!/usr/bin/env node
/**
 * The bundle budget: first-load JavaScript per page of the production build, in KB gzip, against a budget.
 *
 * What a page's first load downloads (Next 16, App Router, Turbopack), read from the build output:
 * - the root main files (`build-manifest.json` → `rootMainFiles`: React, the router, the Turbopack runtime), and
 * - every entry chunk its client reference manifest names (`server/app/<route>/page_client-reference-manifest.js`
 *   → `entryJSFiles`: the root and nested layouts, the page, and the error and loading boundaries, which the RSC
 *   payload hands over as client components, so the browser loads them up front; not the not-found boundary,
 *   a server component whose client parts load only when it renders).
 * Not counted: `polyfillFiles` (a `nomodule` script modern browsers skip), `lowPriorityFiles` (Pages Router),
 * CSS, and chunks loaded later by `import()` (they are not in `entryJSFiles`).
 * Each distinct chunk counts once per page, gzipped with zlib at level 9 (what `gzip -9` gives; servers often
 * compress at 6, a few percent larger). e2e/bundle-budget.spec.ts checks the method against what Chromium
 * really downloads for a page.
 *
 * It also scans every client chunk for signatures of code that must stay on the server or out of the
 * browser (zod, the next-auth client, database and mail drivers) and fails when one is found.
 *
 * Usage: node scripts/bundle-budget.mjs [--budget 180] [--dist .next] [--out test-reports]
 * Writes <out>/bundle-budget.json and <out>/bundle-budget.md; exits 1 over budget or on a forbidden module.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import vm from "node:vm";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const dist = option("dist", process.env.NEXT_DIST_DIR || ".next");
const budgetKb = Number(option("budget", process.env.BUNDLE_BUDGET_KB || "180"));
const outDir = option("out", "test-reports");

/** Code that must never reach a browser chunk: the pattern is a string only that package's code contains. */
export const FORBIDDEN = [
  { name: "zod", pattern: /\$ZodType|ZodError/ },
  { name: "next-auth/react", pattern: /CLIENT_FETCH_ERROR/ },
  { name: "drizzle-orm", pattern: /drizzle:entityKind|drizzle-orm/ },
  { name: "postgres / pglite", pattern: /@electric-sql\/pglite|postgres\.js|PGlite/ },
  { name: "nodemailer", pattern: /nodemailer/ },
];

const LOADED_WHEN_RENDERED = /\/(not-found|forbidden|unauthorized)$/;
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

export function measure(distDir) {
  const buildManifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8"));
  const routesByEntry = JSON.parse(readFileSync(path.join(distDir, "app-path-routes-manifest.json"), "utf8"));
  const sizes = new Map();
  const chunk = (file) => {
    if (!sizes.has(file)) {
      const source = readFileSync(path.join(distDir, file));
      sizes.set(file, { raw: source.length, gzip: gzipSync(source, { level: 9 }).length, text: source.toString("utf8") });
    }
    return sizes.get(file);
  };
  const pages = [];
  for (const [entry, route] of Object.entries(routesByEntry)) {
    if (!entry.endsWith("/page")) continue;
    const manifestFile = path.join(distDir, "server", "app", `${entry}_client-reference-manifest.js`);
    if (!existsSync(manifestFile)) continue;
    const sandbox = { globalThis: {} };
    vm.runInNewContext(readFileSync(manifestFile, "utf8"), sandbox);
    const manifest = sandbox.globalThis.__RSC_MANIFEST[entry];
    const files = new Set(buildManifest.rootMainFiles);
    for (const [module, list] of Object.entries(manifest.entryJSFiles)) {
      // A not-found / forbidden / unauthorized boundary is a server component: its client parts load only
      // when it renders, unlike an error boundary (a client component the payload hands over up front).
      if (LOADED_WHEN_RENDERED.test(module)) continue;
      for (const file of list) files.add(file.replace(/^\/_next\//, ""));
    }
    const chunks = [...files].map((file) => ({ file, ...chunk(file) }));
    pages.push({
      route,
      chunks: chunks.map(({ file, raw, gzip }) => ({ file, rawKb: kb(raw), gzipKb: kb(gzip) })).sort((a, b) => b.gzipKb - a.gzipKb),
      rawKb: kb(chunks.reduce((sum, c) => sum + c.raw, 0)),
      gzipKb: kb(chunks.reduce((sum, c) => sum + c.gzip, 0)),
    });
  }
  pages.sort((a, b) => a.route.localeCompare(b.route));
  // Every client chunk, also the lazily loaded ones, is scanned for forbidden code.
  const staticChunks = path.join(distDir, "static", "chunks");
  const forbidden = [];
  for (const name of readdirSync(staticChunks, { recursive: true })) {
    if (!String(name).endsWith(".js")) continue;
    const text = readFileSync(path.join(staticChunks, String(name)), "utf8");
    for (const rule of FORBIDDEN) if (rule.pattern.test(text)) forbidden.push({ module: rule.name, chunk: `static/chunks/${name}` });
  }
  return { pages, forbidden };
}

function markdown({ pages, forbidden }, budget) {
  const lines = [
    `# First-load JavaScript per page`,
    ``,
    `KB gzip (zlib level 9) of the root main files and the page's entry chunks; budget ${budget} KB.`,
    ``,
    `| Page | KB gzip | KB raw | Largest chunks (KB gzip) |`,
    `| --- | ---: | ---: | --- |`,
    ...pages.map((p) => `| ${p.route} | ${p.gzipKb}${p.gzipKb > budget ? " **over**" : ""} | ${p.rawKb} | ${p.chunks.slice(0, 4).map((c) => `${path.basename(c.file)} ${c.gzipKb}`).join(", ")} |`),
    ``,
    forbidden.length ? `Forbidden code in client chunks:\n\n${forbidden.map((f) => `- ${f.module} in ${f.chunk}`).join("\n")}` : `No forbidden code (${FORBIDDEN.map((f) => f.name).join(", ")}) in any client chunk.`,
    ``,
  ];
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(path.join(dist, "build-manifest.json"))) {
    console.error(`bundle budget: no build in ${dist} (run \`next build\` first, or set NEXT_DIST_DIR)`);
    process.exit(2);
  }
  const result = measure(dist);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, "bundle-budget.json"), JSON.stringify({ budgetKb, compression: "gzip level 9", ...result }, null, 2) + "\n");
  writeFileSync(path.join(outDir, "bundle-budget.md"), markdown(result, budgetKb));
  const width = Math.max(...result.pages.map((p) => p.route.length));
  console.log(`First-load JS per page, KB gzip (level 9), budget ${budgetKb} KB:`);
  for (const p of result.pages) console.log(`  ${p.route.padEnd(width)}  ${String(p.gzipKb).padStart(6)}${p.gzipKb > budgetKb ? "  OVER BUDGET" : ""}`);
  const over = result.pages.filter((p) => p.gzipKb > budgetKb);
  for (const f of result.forbidden) console.log(`  forbidden in a client chunk: ${f.module} (${f.chunk})`);
  console.log(`Largest: ${Math.max(...result.pages.map((p) => p.gzipKb))} KB; ${over.length} page(s) over ${budgetKb} KB; ${result.forbidden.length} forbidden module(s). Report: ${outDir}/bundle-budget.md`);
  process.exit(over.length || result.forbidden.length ? 1 : 0);
}
