// Prints the closing line test harnesses read ("N passed, N failed") from Vitest's JSON report,
// and exits non-zero when a test failed or none ran.
import { readFileSync } from "node:fs";

const path = process.argv[2] ?? "test-results/vitest.json";
const r = JSON.parse(readFileSync(path, "utf8"));
const passed = r.numPassedTests ?? 0;
const failed = (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0) - 0;
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`vitest: ${passed} passed, ${r.numFailedTests ?? 0} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 || r.success === false ? 1 : 0);
