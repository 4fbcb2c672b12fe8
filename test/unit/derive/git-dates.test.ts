import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLastCommitDays } from '../../../src/lib/derive/git-dates.ts';

const repo = mkdtempSync(join(tmpdir(), 'huntbook-git-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function commit(day: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  const stamp = `${day}T12:00:00+00:00`;
  const env = { ...process.env, GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp, TZ: 'UTC' };
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], {
      cwd: repo,
      env,
      stdio: 'pipe',
    });
  git('add', '-A');
  git('commit', '-q', '-m', day);
}

describe('readLastCommitDays', () => {
  it('gives each file the day of the last commit that touched it, from one git log', () => {
    execFileSync('git', ['init', '-q'], { cwd: repo });
    commit('2026-01-10', { 'content/detections/a.md': 'a1', 'content/detections/net/b.md': 'b1', 'other.md': 'x' });
    commit('2026-03-05', { 'content/detections/a.md': 'a2' });
    commit('2026-04-01', { 'other.md': 'y' });
    const days = readLastCommitDays('content/detections', repo);
    expect(Object.fromEntries(days)).toEqual({
      'content/detections/a.md': '2026-03-05',
      'content/detections/net/b.md': '2026-01-10',
    });
  });

  it('returns nothing, without failing, outside a repository or without git', () => {
    const plain = mkdtempSync(join(tmpdir(), 'huntbook-nogit-'));
    try {
      expect(readLastCommitDays('.', plain).size).toBe(0);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      expect(readLastCommitDays('content/detections', repo).size).toBe(0);
    } finally {
      process.env.PATH = path;
    }
  });
});
