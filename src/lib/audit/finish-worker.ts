// One share of finishSite's files: audit each, and give each page its policy in the same read.
import { readFileSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { applyContentSecurityPolicy } from './apply-csp.ts';
import { auditFile } from './audit-site.ts';
import type { FinishTask } from './finish-site.ts';

const { siteDir, files, indicators } = workerData as FinishTask;
const known = new Set(indicators);
const problems = files.flatMap((file) => {
  if (!file.endsWith('.html')) return auditFile(siteDir, file, known);
  const html = readFileSync(file, 'utf8');
  const found = auditFile(siteDir, file, known, html);
  // A page with a finding is never published, so it need not be secured.
  if (found.length === 0) writeFileSync(file, applyContentSecurityPolicy(html));
  return found;
});
parentPort?.postMessage(problems);
