// Reads Vitest's JSON report and fails unless tests ran — and passed — on both SQLite and PostgreSQL.
// A PostgreSQL that silently went missing must not turn CI green.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const tests = report.testResults.flatMap((file) => file.assertionResults);
const count = (tag, status) => tests.filter((t) => t.fullName.includes(`[${tag}]`) && t.status === status).length;

let ok = report.success === true;
for (const tag of ['sqlite', 'postgres']) {
  const passed = count(tag, 'passed');
  const failed = count(tag, 'failed');
  console.log(`${tag}: ${passed} passed, ${failed} failed`);
  if (passed === 0 || failed > 0) ok = false;
}
if (!ok) {
  console.error('Both the SQLite and the PostgreSQL suites must run and pass.');
  process.exit(1);
}
