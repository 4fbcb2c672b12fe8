import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { waitForCollection } from '../../../src/loader/detections-loader.ts';

// `npm run build` starts Astro before its check ends and hands the collection over afterwards.
describe('waitForCollection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huntbook-handed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('waits for the checked collection and reads it once it is there', async () => {
    const path = join(dir, 'collection.json');
    const waiting = waitForCollection(path, process.ppid);
    await delay(100);
    writeFileSync(`${path}.partial`, JSON.stringify({ writeups: [] }));
    renameSync(`${path}.partial`, path);
    await expect(waiting).resolves.toEqual({ writeups: [] });
  });

  it('does not wait when no build started Astro (astro build run by hand)', async () => {
    await expect(waitForCollection(join(dir, 'never.json'), Number.NaN)).rejects.toThrow('no checked collection');
  });

  it('stops waiting when the build that started Astro is gone', async () => {
    const notTheParent = process.ppid + 1_000_000;
    await expect(waitForCollection(join(dir, 'never.json'), notTheParent)).rejects.toThrow('no checked collection');
  });
});
