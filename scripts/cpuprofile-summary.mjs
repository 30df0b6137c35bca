#!/usr/bin/env node
// Where a CPU profile's time went: self time by area (our code by source file through the build's source maps,
// Next, postgres.js, Node internals, GC, idle) and the busiest functions. For profiles the benches write with
// BENCH_APP_PROFILE=1 (.cpuprofile from --cpu-prof). Usage: node scripts/cpuprofile-summary.mjs FILE [TOP]
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/cpuprofile-summary.mjs FILE.cpuprofile [TOP]");
  process.exit(2);
}
const top = Number(topArg ?? 40);
const profile = JSON.parse(readFileSync(file, "utf8"));

const maps = new Map();
function sourceMapOf(url) {
  if (maps.has(url)) return maps.get(url);
  let map = null;
  try {
    const path = url.startsWith("file://") ? fileURLToPath(url) : url;
    if (existsSync(`${path}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, "utf8")));
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

/** The original file of a frame of a built chunk, where its source map says. */
function originalOf(frame) {
  const map = frame.url && frame.url.includes("/chunks/") ? sourceMapOf(frame.url) : null;
  if (!map) return null;
  const entry = map.findEntry(frame.lineNumber, frame.columnNumber);
  return entry?.originalSource ? { source: entry.originalSource, line: entry.originalLine + 1 } : null;
}

function areaOf(frame) {
  const { url, functionName } = frame;
  if (functionName === "(idle)") return "idle";
  if (functionName === "(garbage collector)") return "gc";
  if (functionName === "(program)") return "program";
  if (!url) return "native";
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[1] ?? url.slice(5)}`;
  const original = originalOf(frame);
  if (original) {
    const s = original.source.replace(/^.*?webpack:\/\/[^/]*\//, "").replace(/^\.\//, "");
    const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s);
    return nm ? `pkg:${nm[1]}` : `src:${s.split("/").slice(0, 3).join("/")}`;
  }
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return `pkg:${nm[1]}`;
  return `other:${url.split("/").slice(-2).join("/")}`;
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const areas = new Map();
const functions = new Map();
for (const [id, us] of self) {
  const frame = byId.get(id).callFrame;
  const area = areaOf(frame);
  areas.set(area, (areas.get(area) ?? 0) + us);
  const original = originalOf(frame);
  const where = original ? `${original.source.replace(/^.*webpack:\/\/[^/]*\//, "")}:${original.line}` : `${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber + 1}`;
  const key = `${frame.functionName || "(anonymous)"} ${where}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
}
const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
console.log("\nself time by area");
for (const [area, us] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${pct(us)}  ${area}`);
console.log(`\nbusiest functions (self)`);
for (const [key, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${key}`);

// Inclusive: the share of samples with an area anywhere on the stack (our files, packages), to see what a
// module costs with everything it calls.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map();
const areaOfNode = new Map();
for (const [id, us] of self) {
  const seen = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) {
    let area = areaOfNode.get(n);
    if (area === undefined) areaOfNode.set(n, (area = areaOf(byId.get(n).callFrame)));
    if (area.startsWith("src:") || area.startsWith("pkg:")) seen.add(area);
  }
  for (const area of seen) inclusive.set(area, (inclusive.get(area) ?? 0) + us);
}
console.log("\ninclusive time (area anywhere on the stack)");
for (const [area, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${pct(us)}  ${area}`);
