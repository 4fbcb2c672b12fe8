import { parseArgs } from 'node:util';

/** Options shared by `npm run check` and `npm run build`. */
export interface CliOptions {
  /** Folder of writeups. */
  content: string;
  /** Folder the site is written to (build only). */
  out: string;
}

/** Reads `--content DIR` and `--out DIR`, falling back to the environment, then to the defaults. */
export function readCliOptions(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: { content: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: false,
  });
  return {
    content: values.content ?? process.env.HUNTBOOK_CONTENT ?? 'content/detections',
    out: values.out ?? 'dist',
  };
}
