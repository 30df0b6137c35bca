// Prints one plain line 'N passed, N failed' from the runners' JSON reports (vitest and Playwright),
// the line the CI reader looks for. Usage: node scripts/test-summary.mjs <report.json>...
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`missing test report ${file} (its runner did not finish)`);
    failed++;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  if ("numPassedTests" in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } else if (report.stats) {
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
  }
}
console.log(`${passed} passed, ${failed} failed`);
