import { parseArgs } from 'node:util';
import { PROBLEM_FORMATS, type ProblemFormat } from '../src/lib/problems/format-problems.ts';

/** Options shared by `npm run check` and `npm run build`. */
export interface CliOptions {
  /** Folder of writeups. */
  content: string;
  /** Folder the site is written to (build only). */
  out: string;
  /** How problems are printed: `text` for people, `github` for Actions annotations, `json` for tools. */
  format: ProblemFormat;
}

/** Reads `--content DIR`, `--out DIR` and `--format FORMAT`, falling back to the environment, then to the defaults. */
export function readCliOptions(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: { content: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' } },
    allowPositionals: false,
  });
  const format = values.format ?? 'text';
  if (!(PROBLEM_FORMATS as readonly string[]).includes(format)) {
    throw new Error(`unknown --format ${format} (one of ${PROBLEM_FORMATS.join(', ')})`);
  }
  return {
    content: values.content ?? process.env.HUNTBOOK_CONTENT ?? 'content/detections',
    out: values.out ?? 'dist',
    format: format as ProblemFormat,
  };
}
