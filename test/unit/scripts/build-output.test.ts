import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { markSite, refuseOutput, removeStaleSiblings } from '../../../scripts/build-output.ts';

const root = mkdtempSync(join(tmpdir(), 'huntbook-out-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('refuseOutput', () => {
  it('never replaces the project, its content or its sources', () => {
    expect(refuseOutput(root, 'content/detections', root)).toMatch(/replace the project folder/);
    expect(refuseOutput(join(root, '..'), 'content/detections', root)).toMatch(/replace the project folder/);
    expect(refuseOutput(join(root, 'content'), join(root, 'content/detections'), root)).toMatch(/inside content/);
    expect(refuseOutput(join(root, 'src/pages'), join(root, 'content/detections'), root)).toMatch(/inside src/);
  });

  it('replaces only folders it built, or new and empty ones', () => {
    const notes = join(root, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'precious.txt'), 'keep me');
    expect(refuseOutput(notes, 'content/detections', root)).toMatch(/not empty and was not built by Huntbook/);
    const site = join(root, 'site');
    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), '');
    markSite(site);
    expect(refuseOutput(site, 'content/detections', root)).toBeUndefined();
    expect(refuseOutput(join(root, 'new'), 'content/detections', root)).toBeUndefined();
  });

  it('removes folders left by interrupted builds', () => {
    mkdirSync(join(root, 'dist.staging-123'));
    mkdirSync(join(root, 'dist.staging-123-cache'));
    mkdirSync(join(root, 'dist.previous-9'));
    mkdirSync(join(root, 'dist.keep'));
    removeStaleSiblings(join(root, 'dist'));
    expect(
      ['dist.staging-123', 'dist.staging-123-cache', 'dist.previous-9', 'dist.keep'].map((name) =>
        existsSync(join(root, name)),
      ),
    ).toEqual([false, false, false, true]);
  });
});
