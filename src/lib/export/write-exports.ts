// Per-writeup downloads are written straight to the built site: thousands of small data files
// cost ~2 ms each as Astro routes (11 s at 1,000 writeups) and a few milliseconds in all here.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Writeup } from '../content/validate-writeup.ts';
import { listExportFiles } from './export-paths.ts';
import { renderExportFile } from './render-export.ts';

/** Writes every writeup's export files under `<siteDir>/exports/<id>/`; returns how many. */
export function writeExportFiles(siteDir: string, writeups: readonly Writeup[]): number {
  let count = 0;
  for (const writeup of writeups) {
    const dir = join(siteDir, 'exports', writeup.id);
    mkdirSync(dir, { recursive: true });
    for (const file of listExportFiles(writeup)) {
      writeFileSync(join(dir, file.name), renderExportFile(writeup, file).body);
      count++;
    }
  }
  return count;
}
