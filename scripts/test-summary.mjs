// Prints one plain line 'N passed, N failed' from the runners' JSON reports (vitest and Playwright), the line the
// CI reader looks for, preceded by the name of each failed test: CI's log is read from its end, so what failed must
// be there and not only thousands of lines up.
// Usage: node scripts/test-summary.mjs <report.json>...
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
const failures = [];

/** Playwright nests suites (file → describe → spec); a spec's tests failed when none of their results passed. */
function playwrightFailures(suites, path = []) {
  for (const suite of suites ?? []) {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      if (spec.ok === false) failures.push(`e2e  ${[...here, spec.title].join(" › ")}`);
    }
    playwrightFailures(suite.suites, here);
  }
}

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`missing test report ${file} (its runner did not finish)`);
    failures.push(`missing report ${file}`);
    failed++;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  if ("numPassedTests" in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    for (const testFile of report.testResults ?? []) {
      const failedTests = (testFile.assertionResults ?? []).filter((test) => test.status === "failed");
      for (const test of failedTests) failures.push(`${file}  ${testFile.name} › ${test.fullName ?? test.title}`);
      // A file that fails to load has no failed test, only a message.
      if (testFile.status === "failed" && failedTests.length === 0) failures.push(`${file}  ${testFile.name}: ${testFile.message ?? "failed"}`);
    }
  } else if (report.stats) {
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    playwrightFailures(report.suites);
  }
}
for (const failure of failures) console.log(`FAILED ${failure}`);
console.log(`${passed} passed, ${failed} failed`);
