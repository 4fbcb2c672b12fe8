// Per-writeup downloads are written straight to the built site: thousands of small data files
// cost ~2 ms each as Astro routes (11 s at 1,000 writeups) and a few milliseconds in all here.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writeup } from '../content/validate-writeup.ts';
import { listExportFiles } from './export-paths.ts';
import { renderExportFile } from './render-export.ts';

// Writes wait on the disk, not the CPU: the build runs them while its audit workers read pages,
// several in flight (59,000 files at 10,000 writeups took 8–19 s one after another).
const WRITEUPS_IN_FLIGHT = 16;

async function writeWriteupFiles(siteDir: string, writeup: Writeup): Promise<number> {
  const dir = join(siteDir, 'exports', writeup.id);
  await mkdir(dir, { recursive: true });
  const files = listExportFiles(writeup);
  await Promise.all(files.map((file) => writeFile(join(dir, file.name), renderExportFile(writeup, file).body)));
  return files.length;
}

/** Writes every writeup's export files under `<siteDir>/exports/<id>/`; resolves to how many. */
export async function writeExportFiles(siteDir: string, writeups: readonly Writeup[]): Promise<number> {
  let next = 0;
  let count = 0;
  const drain = async () => {
    while (next < writeups.length) {
      const written = await writeWriteupFiles(siteDir, writeups[next++]);
      count += written;
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITEUPS_IN_FLIGHT, writeups.length) }, drain));
  return count;
}
