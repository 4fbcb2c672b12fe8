import { spawnSync } from 'node:child_process';

/**
 * Day of the last commit (`%cs`) that touched each file under `dir`, keyed by the path relative to
 * `root`, from a single `git log` for the whole folder (one process per build, not one per file).
 * Returns an empty map when git is missing, `root` is not a repository, or the folder has no
 * history: the pages then show only the writeup's own dates. A shallow clone reports the day of
 * its one commit for every file.
 */
export function readLastCommitDays(dir: string, root: string): Map<string, string> {
  const days = new Map<string, string>();
  const result = spawnSync('git', ['log', '--format=%x1e%cs', '--name-only', '--no-renames', '--relative', '--', dir], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (result.error || result.status !== 0 || typeof result.stdout !== 'string') return days;
  // Newest commit first, so the first day seen for a path is its last change.
  for (const record of result.stdout.split('\x1e')) {
    const [day = '', ...paths] = record.split('\n');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
    for (const path of paths) if (path && !days.has(path)) days.set(path, day);
  }
  return days;
}
