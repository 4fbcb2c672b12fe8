// Guards around the output folder: a build replaces it whole, so it must be a folder Huntbook
// made (or a new, empty one), and never the project, its sources or its content.
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** File that marks a folder as a Huntbook build, so only such folders are ever replaced. */
export const SITE_MARKER = '.huntbook-site';

/** True when `inner` is `outer` or lies inside it. */
export function isWithin(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}

/** Why `out` must not be replaced, or undefined when it is safe. */
export function refuseOutput(out: string, contentDir: string, root: string): string | undefined {
  const target = resolve(out);
  if (isWithin(root, target)) return `refusing to write the site to ${out}: it would replace the project folder`;
  const guarded = [
    resolve(contentDir),
    ...['src', 'content', 'public', 'scripts', 'test', 'node_modules', '.git'].map((dir) => join(root, dir)),
  ];
  const clash = guarded.find((dir) => isWithin(target, dir));
  if (clash) return `refusing to write the site to ${out}: it is inside ${relative(root, clash) || clash}`;
  // Sites built before the marker existed still carry Astro's and Pagefind's folders.
  const builtByUs =
    existsSync(join(target, SITE_MARKER)) ||
    (existsSync(join(target, '_astro')) && existsSync(join(target, 'pagefind')));
  if (existsSync(target) && readdirSync(target).length > 0 && !builtByUs) {
    return `refusing to replace ${out}: it is not empty and was not built by Huntbook (no ${SITE_MARKER} file); choose a new or empty folder`;
  }
  return undefined;
}

/** Marks a finished build so the next one may replace it. */
export function markSite(dir: string): void {
  writeFileSync(
    join(dir, SITE_MARKER),
    'This folder is built by `npm run build` and replaced whole by the next build.\n',
  );
}

/** True while process `pid` runs (a permission error still means it exists). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes staging, cache and previous folders left by builds that were interrupted; those of a
 * build still running into the same folder are its own, and stay.
 */
export function removeStaleSiblings(out: string): void {
  const target = resolve(out);
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  const prefix = `${basename(target)}.`;
  for (const name of readdirSync(parent)) {
    const pid = /\.(?:staging|previous)-(\d+)(?:-cache|-collection\.json)?$/.exec(name)?.[1];
    if (name.startsWith(prefix) && pid && !isRunning(Number(pid)))
      rmSync(join(parent, name), { recursive: true, force: true });
  }
}
